//! A dataset's stories: the slides presenter mode walks through (those of the story
//! chosen, or one slide per view when the dataset tells none), and the story editor's
//! changes to them ([`StoryEdit`]). Plain data; the app shell runs presenter mode and
//! makes each edit one undoable change.

use std::borrow::Cow;

use crate::data::{Dataset, Slide, SlideView, Story, free_story_name};

pub(crate) use crate::views::slide_state::view_of;

/// The index of the story chosen, kept within the dataset's stories (0 when it has none).
pub(crate) fn chosen_story(dataset: &Dataset, chosen: usize) -> usize {
    chosen.min(dataset.stories.len().saturating_sub(1))
}

/// The slides to present: those of story `chosen` (borrowed), or one slide per view when
/// it has none.
pub(crate) fn slides(dataset: &Dataset, chosen: usize) -> Cow<'_, [Slide]> {
    if let Some(story) = dataset.stories.get(chosen_story(dataset, chosen))
        && !story.slides.is_empty()
    {
        return Cow::Borrowed(&story.slides);
    }
    let per_view: Vec<Slide> = [
        SlideView::Trade,
        SlideView::Map,
        SlideView::Timeline,
        SlideView::Events,
        SlideView::Sources,
    ]
    .into_iter()
    .map(|view| Slide {
        title: view_of(view).label().to_owned(),
        view,
        year: None,
        span: None,
        select: None,
        domains: Vec::new(),
        stances: Vec::new(),
        caption: String::new(),
        sources: Vec::new(),
        notes: String::new(),
        chart: None,
        map: None,
    })
    .collect();
    Cow::Owned(per_view)
}

/// Where the editor goes after an edit: the story, and the slide when it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shown {
    /// Index of the story.
    pub(crate) story: usize,
    /// Index of the slide.
    pub(crate) slide: Option<usize>,
}

/// A change the story editor asks for. Slide edits change the story chosen; those "from
/// the screen" are made into a slide of what the window shows by the app shell, which
/// alone knows it.
#[derive(Debug, Clone, PartialEq)]
pub enum StoryEdit {
    /// A new story with no slides, named `name` (made unique), chosen.
    NewStory {
        /// Its name.
        name: String,
    },
    /// Story `index` renamed; refused when the name is empty or another story's.
    RenameStory {
        /// The story.
        index: usize,
        /// Its new name.
        name: String,
    },
    /// A copy of story `index` after it, named after it.
    DuplicateStory(usize),
    /// Story `index` taken out.
    DeleteStory(usize),
    /// A slide of the screen, put after slide `after` (at the end when `None`).
    AddFromScreen {
        /// The slide the new one follows.
        after: Option<usize>,
    },
    /// Slide `index` made again from the screen, keeping its title, caption, notes and
    /// sources.
    UpdateFromScreen(usize),
    /// A copy of slide `index` after it.
    Duplicate(usize),
    /// Slide `index` taken out.
    Delete(usize),
    /// Slide `from` moved to the place of slide `to`.
    Move {
        /// The slide moved.
        from: usize,
        /// Where it goes.
        to: usize,
    },
    /// Slide `index`'s words: title, caption, speaker notes and source ids.
    SetText {
        /// The slide.
        index: usize,
        /// Its title.
        title: String,
        /// The caption shown on the slide.
        caption: String,
        /// The speaker notes.
        notes: String,
        /// Ids of the sources behind the caption.
        sources: Vec<String>,
    },
    /// `slide` put after slide `after` (at the end when `None`): what
    /// [`StoryEdit::AddFromScreen`] becomes.
    Insert {
        /// The slide the new one follows.
        after: Option<usize>,
        /// The new slide.
        slide: Box<Slide>,
    },
    /// Slide `index` replaced by `slide`'s view, keeping its words: what
    /// [`StoryEdit::UpdateFromScreen`] becomes.
    Replace {
        /// The slide.
        index: usize,
        /// The slide made from the screen.
        slide: Box<Slide>,
    },
}

impl StoryEdit {
    /// The name of the change, for Undo and Redo (slides numbered from 1).
    pub(crate) fn label(&self) -> String {
        match self {
            Self::NewStory { name } => format!("New story “{name}”"),
            Self::RenameStory { name, .. } => format!("Rename story to “{}”", name.trim()),
            Self::DuplicateStory(_) => "Duplicate story".to_owned(),
            Self::DeleteStory(_) => "Delete story".to_owned(),
            Self::AddFromScreen { .. } | Self::Insert { .. } => "Add slide".to_owned(),
            Self::UpdateFromScreen(index) | Self::Replace { index, .. } => {
                format!("Update slide {}", index + 1)
            }
            Self::Duplicate(index) => format!("Duplicate slide {}", index + 1),
            Self::Delete(index) => format!("Delete slide {}", index + 1),
            Self::Move { from, to } => format!("Move slide {} to {}", from + 1, to + 1),
            Self::SetText { index, .. } => format!("Edit slide {}", index + 1),
        }
    }

    /// Applies the edit to `stories`, slide edits to story `chosen` (an added slide makes
    /// a story when there is none); returns what to show afterwards, or `None` when the edit
    /// does not apply (an index past the end, a name taken, an edit from the screen).
    pub(crate) fn apply(self, stories: &mut Vec<Story>, chosen: usize) -> Option<Shown> {
        let count = stories.len();
        let story = |index| {
            Some(Shown {
                story: index,
                slide: None,
            })
        };
        match self {
            Self::NewStory { name } => {
                let name = free_story_name(stories, name.trim());
                stories.push(Story {
                    name,
                    slides: Vec::new(),
                });
                story(count)
            }
            Self::RenameStory { index, name } => {
                let name = name.trim();
                let taken = stories
                    .iter()
                    .enumerate()
                    .any(|(other, story)| other != index && story.name == name);
                if name.is_empty() || taken {
                    return None;
                }
                name.clone_into(&mut stories.get_mut(index)?.name);
                story(index)
            }
            Self::DuplicateStory(index) => {
                let mut copy = stories.get(index)?.clone();
                copy.name = free_story_name(stories, &format!("{} (copy)", copy.name));
                stories.insert(index + 1, copy);
                story(index + 1)
            }
            Self::DeleteStory(index) => {
                (index < count).then(|| stories.remove(index))?;
                story(index.min(stories.len().saturating_sub(1)))
            }
            slide_edit => {
                if stories.is_empty() && matches!(slide_edit, Self::Insert { .. }) {
                    stories.push(Story {
                        name: free_story_name(stories, crate::data::OLD_STORY_NAME),
                        slides: Vec::new(),
                    });
                }
                let chosen = chosen.min(stories.len().saturating_sub(1));
                let slide = slide_edit.apply_to_slides(&mut stories.get_mut(chosen)?.slides)?;
                Some(Shown {
                    story: chosen,
                    slide: Some(slide),
                })
            }
        }
    }

    /// Applies a slide edit to `story`; returns the index of the slide to show afterwards,
    /// or `None` when the edit does not apply.
    fn apply_to_slides(self, story: &mut Vec<Slide>) -> Option<usize> {
        let count = story.len();
        match self {
            Self::AddFromScreen { .. }
            | Self::UpdateFromScreen(_)
            | Self::NewStory { .. }
            | Self::RenameStory { .. }
            | Self::DuplicateStory(_)
            | Self::DeleteStory(_) => None,
            Self::Insert { after, slide } => {
                let at = after.map_or(count, |after| (after + 1).min(count));
                story.insert(at, *slide);
                Some(at)
            }
            Self::Replace { index, slide } => {
                let old = story.get_mut(index)?;
                let words = (
                    std::mem::take(&mut old.title),
                    std::mem::take(&mut old.caption),
                    std::mem::take(&mut old.notes),
                    std::mem::take(&mut old.sources),
                );
                *old = *slide;
                (old.title, old.caption, old.notes, old.sources) = words;
                Some(index)
            }
            Self::Duplicate(index) => {
                let copy = story.get(index)?.clone();
                story.insert(index + 1, copy);
                Some(index + 1)
            }
            Self::Delete(index) => {
                (index < count).then(|| story.remove(index))?;
                Some(index.min(story.len().saturating_sub(1)))
            }
            Self::Move { from, to } => {
                if from >= count || to >= count {
                    return None;
                }
                let slide = story.remove(from);
                story.insert(to, slide);
                Some(to)
            }
            Self::SetText {
                index,
                title,
                caption,
                notes,
                sources,
            } => {
                let slide = story.get_mut(index)?;
                (slide.title, slide.caption, slide.notes, slide.sources) =
                    (title, caption, notes, sources);
                Some(index)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::{builtin_dataset, empty_dataset};
    use crate::settings::view_kind::ViewKind;

    #[test]
    fn the_built_in_story_is_presented_in_order() {
        let dataset = builtin_dataset().expect("built-in loads");
        let slides = slides(&dataset, 0);
        assert_eq!(slides.as_ref(), dataset.stories[0].slides.as_slice());
        assert!(slides.len() >= 4);
        assert!(slides.iter().all(|slide| !slide.sources.is_empty()));
    }

    fn titled(titles: &[&str]) -> Vec<Slide> {
        titles
            .iter()
            .map(|title| Slide {
                title: (*title).to_owned(),
                ..slides(&empty_dataset(), 0)[0].clone()
            })
            .collect()
    }

    fn titles(story: &[Slide]) -> Vec<&str> {
        story.iter().map(|slide| slide.title.as_str()).collect()
    }

    #[test]
    fn edits_add_move_duplicate_and_delete_slides() {
        let mut story = titled(&["a", "b", "c"]);
        let new = Box::new(titled(&["n"])[0].clone());
        let edit = StoryEdit::Insert {
            after: Some(0),
            slide: new.clone(),
        };
        assert_eq!(edit.label(), "Add slide");
        assert_eq!(edit.apply_to_slides(&mut story), Some(1));
        assert_eq!(titles(&story), ["a", "n", "b", "c"]);
        assert_eq!(
            StoryEdit::Move { from: 0, to: 3 }.apply_to_slides(&mut story),
            Some(3)
        );
        assert_eq!(titles(&story), ["n", "b", "c", "a"]);
        assert_eq!(StoryEdit::Duplicate(1).apply_to_slides(&mut story), Some(2));
        assert_eq!(titles(&story), ["n", "b", "b", "c", "a"]);
        assert_eq!(StoryEdit::Delete(4).apply_to_slides(&mut story), Some(3));
        assert_eq!(titles(&story), ["n", "b", "b", "c"]);
        assert_eq!(StoryEdit::Delete(9).apply_to_slides(&mut story), None);
        assert_eq!(
            StoryEdit::Move { from: 0, to: 9 }.apply_to_slides(&mut story),
            None
        );
        assert_eq!(titles(&story), ["n", "b", "b", "c"]);
    }

    #[test]
    fn updating_from_the_screen_keeps_the_words_and_text_edits_change_only_them() {
        let mut story = titled(&["a"]);
        story[0].caption = "Caption".into();
        story[0].notes = "Say this".into();
        story[0].sources = vec!["src".into()];
        let mut screen = titled(&["Map, 2016"])[0].clone();
        screen.view = SlideView::Map;
        screen.year = Some(2016);
        let edit = StoryEdit::Replace {
            index: 0,
            slide: Box::new(screen),
        };
        assert_eq!(edit.label(), "Update slide 1");
        assert_eq!(edit.apply_to_slides(&mut story), Some(0));
        assert_eq!((story[0].view, story[0].year), (SlideView::Map, Some(2016)));
        assert_eq!(
            (
                story[0].title.as_str(),
                story[0].caption.as_str(),
                story[0].notes.as_str()
            ),
            ("a", "Caption", "Say this")
        );
        assert_eq!(story[0].sources, ["src"]);
        StoryEdit::SetText {
            index: 0,
            title: "T".into(),
            caption: "C".into(),
            notes: "N".into(),
            sources: Vec::new(),
        }
        .apply_to_slides(&mut story);
        assert_eq!(
            (story[0].title.as_str(), story[0].view),
            ("T", SlideView::Map)
        );
        assert!(story[0].sources.is_empty());
    }

    #[test]
    fn stories_are_made_renamed_duplicated_and_deleted_and_slides_go_to_the_chosen_one() {
        let slide = || Box::new(titled(&["s"])[0].clone());
        let mut stories = Vec::new();
        let added = StoryEdit::Insert {
            after: None,
            slide: slide(),
        };
        let shown = added.apply(&mut stories, 0);
        assert_eq!(
            shown,
            Some(Shown {
                story: 0,
                slide: Some(0)
            })
        );
        assert_eq!(stories[0].name, "Story", "an added slide makes a story");
        let new = StoryEdit::NewStory {
            name: "Story".into(),
        };
        assert_eq!(new.apply(&mut stories, 0).map(|s| s.story), Some(1));
        assert_eq!(stories[1].name, "Story 2", "names stay unique");
        let added = StoryEdit::Insert {
            after: None,
            slide: slide(),
        };
        assert_eq!(added.apply(&mut stories, 1).map(|s| s.story), Some(1));
        assert_eq!((stories[0].slides.len(), stories[1].slides.len()), (1, 1));
        let taken = StoryEdit::RenameStory {
            index: 1,
            name: " Story ".into(),
        };
        assert_eq!(taken.apply(&mut stories, 1), None, "another story's name");
        let blank = StoryEdit::RenameStory {
            index: 1,
            name: "  ".into(),
        };
        assert_eq!(blank.apply(&mut stories, 1), None);
        let rename = StoryEdit::RenameStory {
            index: 1,
            name: " Short ".into(),
        };
        assert_eq!(rename.label(), "Rename story to “Short”");
        rename.apply(&mut stories, 1);
        assert_eq!(stories[1].name, "Short");
        assert_eq!(
            StoryEdit::DuplicateStory(0)
                .apply(&mut stories, 0)
                .map(|s| s.story),
            Some(1)
        );
        let names: Vec<&str> = stories.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Story", "Story (copy)", "Short"]);
        assert_eq!(StoryEdit::DeleteStory(3).apply(&mut stories, 0), None);
        StoryEdit::DeleteStory(0).apply(&mut stories, 0);
        let names: Vec<&str> = stories.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Story (copy)", "Short"]);
    }

    #[test]
    fn without_a_story_the_slides_are_the_views() {
        let views: Vec<ViewKind> = slides(&empty_dataset(), 0)
            .iter()
            .map(|slide| view_of(slide.view))
            .collect();
        assert_eq!(views, ViewKind::ALL.to_vec());
    }
}
