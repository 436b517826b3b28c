//! The page-context stage: a passage judged with the other candidates of its page.
//!
//! Judgments are of pages, and a page is more than its best passage. The candidates of one
//! page are gathered in a [`PageContext`]; each passage's feature score then becomes its
//! score in that context ([`in_context`]): the rest of the page adds a little, a page that
//! never names what the association does or whom it works for is pushed down, and so is a
//! page about the other stage of life. Candidates below the floor are dropped, and the rest
//! are fused with their page's retrieval score ([`fuse`]), which sees how much of the profile
//! the whole page covers.

use crate::candidate::Candidate;
use crate::config::Weights;
use crate::query::{Concept, ProfileField};
use crate::stage::{Named, Stage};
use std::collections::HashMap;

/// What the candidates of one page say together.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PageContext {
    /// Sum of the feature scores of the page's candidates.
    pub total: f32,
    /// Some candidate on the page names a theme or activity.
    pub topic: bool,
    /// Some candidate on the page names a target group.
    pub audience: bool,
    /// Sum of the retrieval query's scores of the page's candidates.
    pub retrieval: f32,
    /// The stages of life the page's candidates name.
    pub named: Named,
    /// The best wording score of the page's candidates (see [`crate::wording`]).
    pub wording: f32,
}

impl PageContext {
    /// The other stage of life than `stage` when the page is about it: its candidates name
    /// that stage and never `stage`. (Judged by the page rather than the passage: a passage
    /// naming no stage is mostly about the same people as its neighbours.)
    pub fn other_stage(&self, stage: Option<Stage>) -> Option<Stage> {
        let other = stage?.other();
        (self.named.has(other) && !self.named.has(other.other())).then_some(other)
    }

    /// Adds a candidate of the page.
    pub fn add(&mut self, c: &Candidate) {
        self.retrieval += c.retrieval;
        self.named = self.named.or(c.named);
        self.total += c.features.score;
        self.topic |= c.features.topic;
        self.audience |= c.features.audience;
        self.wording = self.wording.max(c.wording);
    }
}

/// What the profile asks of a page: whether it has themes or activities, and target groups.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Asks {
    /// The profile names a theme or activity.
    pub topic: bool,
    /// The profile names a target group.
    pub audience: bool,
    /// The stage of life the profile mainly works for.
    pub stage: Option<Stage>,
}

impl Asks {
    /// What `concepts` ask, for a profile working mainly for `stage`.
    pub fn of(concepts: &[Concept], stage: Option<Stage>) -> Asks {
        Asks {
            topic: concepts
                .iter()
                .any(|c| matches!(c.field, ProfileField::Theme | ProfileField::Activity)),
            audience: concepts.iter().any(|c| c.audience),
            stage,
        }
    }
}

/// Runs the stage over all candidates (in retrieval order, each scored by its features):
/// sets each one's page, gathers the pages' contexts (from every candidate, before the
/// floor), scores each in its page's context, drops those below `min_score`, and fuses the
/// rest with their page's retrieval score. Returns the kept candidates, in the same order,
/// and every page's context (a candidate's `page` indexes it).
pub(crate) fn apply(
    mut items: Vec<Candidate>,
    asks: Asks,
    min_score: f32,
    w: &Weights,
) -> (Vec<Candidate>, Vec<PageContext>) {
    let mut pages: Vec<PageContext> = Vec::new();
    {
        let mut index_of: HashMap<(&str, u64), usize> = HashMap::new();
        for c in &mut items {
            let next = pages.len();
            let i = *index_of
                .entry((c.passage.document.path.as_str(), c.passage.page))
                .or_insert(next);
            if i == next {
                pages.push(PageContext::default());
            }
            pages[i].add(c);
            c.page = i;
        }
    }
    let mut kept: Vec<Candidate> = items
        .into_iter()
        .filter_map(|mut c| {
            let page = &pages[c.page];
            c.scores.context = in_context(&c, page, asks, w);
            c.other_stage = page.other_stage(asks.stage);
            (c.scores.context >= min_score).then_some(c)
        })
        .collect();
    let best = kept.iter().map(|c| c.scores.context).fold(0.0, f32::max);
    let best_page = pages.iter().map(|p| p.retrieval).fold(0.0, f32::max);
    for c in &mut kept {
        c.scores.fused = fuse(
            c.scores.context,
            pages[c.page].retrieval,
            best,
            best_page,
            w,
        );
    }
    (kept, pages)
}

/// The score of a passage in the context of its page: a page whose passages never name what
/// the association does (its themes and activities), or never whom it works for (its target
/// groups), is pushed down; the rest of the page adds a little to a passage that names
/// something of the profile itself.
pub(crate) fn in_context(c: &Candidate, page: &PageContext, asks: Asks, w: &Weights) -> f32 {
    let f = &c.features;
    // a passage that names no theme, activity or target group does not ride on its
    // neighbours
    if !f.topic && !f.audience {
        return 0.0;
    }
    let own = f.score;
    let mut score = own + w.page * (page.total - own).max(0.0);
    if asks.topic && !page.topic {
        score *= w.no_topic;
    }
    if asks.audience && !page.audience {
        score *= w.no_audience;
    }
    // a page about the other stage of life than the profile's is about another programme,
    // whatever theme words they share
    if page.other_stage(asks.stage).is_some() {
        score *= w.other_stage;
    }
    score
}

/// Fuses a passage's score with its page's retrieval score (the weighted concept query,
/// summed over the page's candidates): `score + w.retrieval × best × page / best_page`, where
/// `best` is the best passage score and `best_page` the best page's retrieval score among the
/// candidates. The features judge a passage closely; the retrieval score sees how much of the
/// profile a whole page covers (judgments are of pages), and the two err differently.
pub(crate) fn fuse(score: f32, page: f32, best: f32, best_page: f32, w: &Weights) -> f32 {
    if best_page <= 0.0 {
        return score;
    }
    score + w.retrieval * best * page / best_page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fusion_adds_the_page_retrieval_share_and_keeps_the_score_floor() {
        let w = Weights::default();
        // the best page adds w.retrieval of the best passage's score, others in proportion
        assert_eq!(fuse(10.0, 4.0, 20.0, 4.0, &w), 10.0 + w.retrieval * 20.0);
        assert_eq!(fuse(10.0, 1.0, 20.0, 4.0, &w), 10.0 + w.retrieval * 5.0);
        assert!(fuse(3.0, 0.0, 20.0, 4.0, &w) >= 3.0);
        assert_eq!(fuse(3.0, 0.0, 20.0, 0.0, &w), 3.0);
        // a weaker passage on a much better page can overtake
        assert!(fuse(9.0, 4.0, 10.0, 4.0, &w) > fuse(10.0, 0.5, 10.0, 4.0, &w));
    }
}
