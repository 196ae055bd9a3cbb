//! The plan section: the current relapse-prevention plan.

use super::{fact, table};
use crate::error::Result;
use crate::plan;
use crate::report::bidi::typed;
use crate::report::document::{Block, Section, SectionId};
use crate::report::text::{Label, Words};
use crate::store::Store;

fn list(items: Vec<String>) -> Block {
    Block::List {
        ordered: false,
        items,
    }
}

/// The current plan (its latest revision), whatever the period.
pub fn plan(store: &Store<'_>, w: &Words) -> Result<Section> {
    let heading = w.label(Label::Plan).to_string();
    let Some(rev) = plan::current(store)? else {
        return Ok(Section {
            id: SectionId::Plan,
            heading,
            blocks: vec![Block::Paragraph {
                text: w.label(Label::NoPlan).to_string(),
            }],
        });
    };
    let p = rev.plan;
    let mut blocks = vec![
        Block::Paragraph {
            text: w.label(Label::PlanIntro).to_string(),
        },
        Block::Summary {
            facts: vec![
                fact(w.label(Label::PlanRevision), rev.number),
                fact(
                    w.label(Label::MadeWithCounselor),
                    w.yes_no(rev.with_counselor),
                ),
            ],
        },
    ];
    let mut titled = |title: Label, items: Vec<String>| {
        if !items.is_empty() {
            blocks.push(Block::Paragraph {
                text: w.label(title).to_string(),
            });
            blocks.push(list(items));
        }
    };
    let all = |items: &[String]| items.iter().map(|t| typed(t)).collect::<Vec<_>>();
    titled(Label::Reasons, all(&p.reasons));
    titled(Label::Goals, all(&p.goals));
    titled(
        Label::WarningSigns,
        p.warning_signs
            .iter()
            .map(|s| format!("{}: {}", w.stage(s.stage), typed(&s.text)))
            .collect(),
    );
    titled(
        Label::CopingPlans,
        p.coping_plans
            .iter()
            .map(|c| format!("{} → {}", typed(&c.if_situation), typed(&c.then_action)))
            .collect(),
    );
    titled(Label::LapseSteps, all(&p.lapse_plan.steps));
    if !p.triggers.is_empty() {
        blocks.push(table(
            w.label(Label::Triggers),
            &[
                w.label(Label::Trigger),
                w.label(Label::Category),
                w.label(Label::Risk),
            ],
            p.triggers
                .iter()
                .map(|t| {
                    vec![
                        typed(&t.name),
                        w.category(t.category).into(),
                        w.risk(t.risk).into(),
                    ]
                })
                .collect(),
        ));
    }
    if !p.contacts.is_empty() {
        blocks.push(table(
            w.label(Label::Contacts),
            &[
                w.label(Label::Name),
                w.label(Label::Role),
                w.label(Label::Phone),
            ],
            p.contacts
                .iter()
                .map(|c| vec![typed(&c.name), w.role(c.role).into(), typed(&c.phone)])
                .collect(),
        ));
    }
    if !p.lapse_plan.crisis_lines.is_empty() {
        blocks.push(table(
            w.label(Label::CrisisLines),
            &[w.label(Label::Name), w.label(Label::Phone)],
            p.lapse_plan
                .crisis_lines
                .iter()
                .map(|c| vec![typed(&c.name), typed(&c.phone)])
                .collect(),
        ));
    }
    Ok(Section {
        id: SectionId::Plan,
        heading,
        blocks,
    })
}
