//! The story editor in the window: its side panel, and its edits made into undoable
//! changes of the dataset ([`crate::document::Document::change_dataset`]), slides captured from the screen.

use eframe::egui::{self, Ui};

use super::BilateralApp;
use crate::app::command::{Command, PresenterAction};
use crate::app::story::{self, StoryEdit};
use crate::views::slide_state::{apply_slide, capture_slide};
use crate::views::story_editor::{StoryEditorState, story_editor_ui};

impl BilateralApp {
    /// Runs the presenter's deck commands: the clipboard picture and the story editor's.
    pub(super) fn run_deck_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::CopyViewImage => self.copy_view_image(ctx),
            Command::CopyViewSvg => self.copy_view_svg(ctx),
            Command::EditStory(edit) => self.edit_story(edit),
            Command::ShowStorySlide(index) => self.show_story_slide(index),
            Command::Present(PresenterAction::ChooseStory(index)) => self.choose_story(index),
            Command::Present(PresenterAction::PresentStory(index)) => {
                self.choose_story(index);
                if self.presenter.is_none() {
                    self.toggle_presenter(ctx);
                } else {
                    self.show_slide(0);
                }
            }
            Command::Present(action) => self.present(ctx, action),
            _ => {}
        }
    }

    /// The story editor's panel on the right, while it is open.
    pub(super) fn story_editor_panel(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let Some(state) = &mut self.windows.story_editor else {
            return;
        };
        egui::Panel::right("story_editor")
            .resizable(true)
            .default_size(340.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("story_editor_scroll")
                    .show(ui, |ui| {
                        let chosen = story::chosen_story(self.document.dataset(), self.story);
                        story_editor_ui(ui, self.document.dataset(), chosen, state, commands);
                    });
            });
    }

    /// Chooses story `index` (kept within the stories) for the editor and presenter mode;
    /// the editor, when open, goes to its first slide. While presenting, its first slide is
    /// shown.
    fn choose_story(&mut self, index: usize) {
        self.story = story::chosen_story(self.document.dataset(), index);
        if let Some(state) = &mut self.windows.story_editor {
            *state = StoryEditorState::at(None);
            self.show_story_slide(Some(0));
        }
        if self.presenter.is_some() {
            self.show_slide(0);
        }
    }

    /// Opens the editor on slide `index` of the story chosen and sets the views as it asks;
    /// `None` closes it.
    pub(super) fn show_story_slide(&mut self, index: Option<usize>) {
        let Some(index) = index else {
            self.windows.story_editor = None;
            return;
        };
        let dataset = self.document.dataset();
        let story = dataset
            .stories
            .get(story::chosen_story(dataset, self.story))
            .map_or(&[][..], |story| story.slides.as_slice());
        let shown = (!story.is_empty()).then(|| index.min(story.len() - 1));
        if let Some(slide) = shown.and_then(|index| story.get(index)) {
            self.view = apply_slide(slide, &mut self.cursor, &mut self.views);
        }
        match &mut self.windows.story_editor {
            Some(state) => state.selected = shown,
            None => self.windows.story_editor = Some(StoryEditorState::at(shown)),
        }
    }

    /// Makes `edit` one undoable change of the dataset's stories (a slide edit changes the
    /// story chosen); edits that change nothing (an index past the end, a name taken) leave
    /// the document as it is.
    pub(super) fn edit_story(&mut self, edit: StoryEdit) {
        let edit = match edit {
            StoryEdit::AddFromScreen { after } => StoryEdit::Insert {
                after,
                slide: Box::new(capture_slide(self.view, &self.cursor, &self.views)),
            },
            StoryEdit::UpdateFromScreen(index) => StoryEdit::Replace {
                index,
                slide: Box::new(capture_slide(self.view, &self.cursor, &self.views)),
            },
            other => other,
        };
        let label = edit.label();
        let other_story = matches!(
            edit,
            StoryEdit::NewStory { .. } | StoryEdit::DuplicateStory(_) | StoryEdit::DeleteStory(_)
        );
        let chosen = story::chosen_story(self.document.dataset(), self.story);
        let mut stories = self.document.dataset().stories.clone();
        let Some(shown) = edit.apply(&mut stories, chosen) else {
            return;
        };
        if stories == self.document.dataset().stories {
            return;
        }
        self.document
            .change_dataset(label, |dataset| dataset.stories = stories);
        self.story = shown.story;
        let state = self
            .windows
            .story_editor
            .get_or_insert_with(StoryEditorState::default);
        if other_story {
            *state = StoryEditorState::default();
        }
        state.selected = shown.slide.or(state.selected);
    }
}
