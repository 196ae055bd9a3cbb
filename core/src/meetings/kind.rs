//! What kind of meeting: the program's own sessions, clinical visits, and
//! mutual-help fellowships.

use serde::{Deserialize, Serialize};

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

    /// A neutral label for the counselor's attendance record.
    pub fn label(self) -> &'static str {
        match self {
            MeetingKind::IopGroup => "IOP group session",
            MeetingKind::Counseling => "Individual counseling",
            MeetingKind::FamilySession => "Family session",
            MeetingKind::MedicationVisit => "Medication visit",
            MeetingKind::TwelveStep(Fellowship::Aa) => "AA meeting",
            MeetingKind::TwelveStep(Fellowship::Na) => "NA meeting",
            MeetingKind::TwelveStep(Fellowship::Ca) => "CA meeting",
            MeetingKind::TwelveStep(Fellowship::Cma) => "CMA meeting",
            MeetingKind::TwelveStep(Fellowship::Ma) => "MA meeting",
            MeetingKind::TwelveStep(Fellowship::Other) => "12-step meeting",
            MeetingKind::SmartRecovery => "SMART Recovery meeting",
            MeetingKind::RecoveryDharma => "Recovery Dharma meeting",
            MeetingKind::LifeRing => "LifeRing meeting",
            MeetingKind::CelebrateRecovery => "Celebrate Recovery meeting",
            MeetingKind::Other => "Meeting",
        }
    }
}
