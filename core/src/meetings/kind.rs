//! What kind of meeting: the program's own sessions, clinical visits, and
//! mutual-help fellowships.

use serde::{Deserialize, Serialize};

use crate::language::{Language, Text, t};

/// A twelve-step fellowship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Fellowship {
    /// Alcoholics Anonymous.
    Aa,
    /// Narcotics Anonymous.
    Na,
    /// Cocaine Anonymous.
    Ca,
    /// Crystal Meth Anonymous.
    Cma,
    /// Marijuana Anonymous.
    Ma,
    /// Another twelve-step fellowship (the meeting's name says which).
    Other,
}

/// A kind of meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeetingKind {
    /// A group session of the intensive outpatient program.
    IopGroup,
    /// One-to-one counseling.
    Counseling,
    /// A family session.
    FamilySession,
    /// A medication (MAT/MOUD) visit.
    MedicationVisit,
    /// A twelve-step meeting.
    TwelveStep(Fellowship),
    SmartRecovery,
    RecoveryDharma,
    LifeRing,
    CelebrateRecovery,
    Other,
}

impl MeetingKind {
    /// True for the program's clinical contacts, whose hours count toward
    /// the weekly IOP requirement (group, individual and family sessions).
    /// Mutual-help meetings and medication visits are attended and shown,
    /// but programs do not count them as treatment hours.
    pub fn counts_toward_program(self) -> bool {
        matches!(
            self,
            MeetingKind::IopGroup | MeetingKind::Counseling | MeetingKind::FamilySession
        )
    }

    /// A neutral label in `lang`: the attendance record, the report, the
    /// calendar export. Interchange formats (CSV, FHIR) use the English one.
    pub fn label(self, lang: Language) -> &'static str {
        lang.text(&self.label_text())
    }

    /// The label in every language.
    pub fn label_text(self) -> Text {
        match self {
            MeetingKind::IopGroup => t("IOP group session", "Sesión de grupo del IOP"),
            MeetingKind::Counseling => t("Individual counseling", "Consejería individual"),
            MeetingKind::FamilySession => t("Family session", "Sesión familiar"),
            MeetingKind::MedicationVisit => t("Medication visit", "Consulta de medicación"),
            MeetingKind::TwelveStep(Fellowship::Aa) => t("AA meeting", "Reunión de AA"),
            MeetingKind::TwelveStep(Fellowship::Na) => t("NA meeting", "Reunión de NA"),
            MeetingKind::TwelveStep(Fellowship::Ca) => t("CA meeting", "Reunión de CA"),
            MeetingKind::TwelveStep(Fellowship::Cma) => t("CMA meeting", "Reunión de CMA"),
            MeetingKind::TwelveStep(Fellowship::Ma) => t("MA meeting", "Reunión de MA"),
            MeetingKind::TwelveStep(Fellowship::Other) => {
                t("12-step meeting", "Reunión de 12 pasos")
            }
            MeetingKind::SmartRecovery => t("SMART Recovery meeting", "Reunión de SMART Recovery"),
            MeetingKind::RecoveryDharma => {
                t("Recovery Dharma meeting", "Reunión de Recovery Dharma")
            }
            MeetingKind::LifeRing => t("LifeRing meeting", "Reunión de LifeRing"),
            MeetingKind::CelebrateRecovery => t(
                "Celebrate Recovery meeting",
                "Reunión de Celebrate Recovery",
            ),
            MeetingKind::Other => t("Meeting", "Reunión"),
        }
    }

    /// Every kind, for catalogue checks and pickers.
    pub const ALL: [MeetingKind; 15] = [
        MeetingKind::IopGroup,
        MeetingKind::Counseling,
        MeetingKind::FamilySession,
        MeetingKind::MedicationVisit,
        MeetingKind::TwelveStep(Fellowship::Aa),
        MeetingKind::TwelveStep(Fellowship::Na),
        MeetingKind::TwelveStep(Fellowship::Ca),
        MeetingKind::TwelveStep(Fellowship::Cma),
        MeetingKind::TwelveStep(Fellowship::Ma),
        MeetingKind::TwelveStep(Fellowship::Other),
        MeetingKind::SmartRecovery,
        MeetingKind::RecoveryDharma,
        MeetingKind::LifeRing,
        MeetingKind::CelebrateRecovery,
        MeetingKind::Other,
    ];
}
