//! The story editor: a side panel to choose, make, rename, duplicate and delete the
//! dataset's stories, and listing the chosen story's slides, to add one from the screen,
//! reorder them by dragging, duplicate, delete, update one from the screen, and write each
//! one's title, caption, speaker notes and sources. Every change is a
//! [`Command::EditStory`], one undoable step saved with the dataset; clicking a slide
//! shows it ([`Command::ShowStorySlide`]); choosing a story is
//! [`PresenterAction::ChooseStory`].

use eframe::egui::{self, RichText, Ui};

use crate::app::command::{Command, PresenterAction};
use crate::app::story::StoryEdit;
use crate::data::{Dataset, OLD_STORY_NAME, Slide, Story, free_story_name};

/// The editor's own state: the slide chosen and the words being typed, which become one
/// edit when the field is left.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryEditorState {
    /// Index of the slide chosen, if the story has one.
    pub selected: Option<usize>,
    /// The title as typed.
    title: String,
    /// The caption as typed.
    caption: String,
    /// The notes as typed.
    notes: String,
    /// The chosen story's name as typed.
    name: String,
}

impl StoryEditorState {
    /// The editor on slide `index`.
    pub(crate) fn at(index: Option<usize>) -> Self {
        Self {
            selected: index,
            ..Self::default()
        }
    }

    /// Copies the chosen slide's words into the fields (when none is being typed in).
    fn load(&mut self, slide: &Slide) {
        self.title.clone_from(&slide.title);
        self.caption.clone_from(&slide.caption);
        self.notes.clone_from(&slide.notes);
    }
}

/// The panel's contents, editing story `chosen`; what the user asks goes into `commands`.
pub fn story_editor_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    chosen: usize,
    state: &mut StoryEditorState,
    commands: &mut Vec<Command>,
) {
    let story = dataset
        .stories
        .get(chosen)
        .map_or(&[][..], |story| story.slides.as_slice());
    if state.selected.is_some_and(|index| index >= story.len()) {
        state.selected = story.len().checked_sub(1);
    }
    ui.horizontal(|ui| {
        ui.heading("Story editor");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Close")
                .on_hover_text("Close the story editor")
                .clicked()
            {
                commands.push(Command::ShowStorySlide(None));
            }
        });
    });
    story_choice_ui(ui, &dataset.stories, chosen, state, commands);
    ui.separator();
    let add = ui
        .button("Add slide")
        .on_hover_text("A slide of what the window shows now: the view, the year, the selected event, the filters, the timeline's span, the chart's series and options");
    if add.clicked() {
        commands.push(Command::EditStory(StoryEdit::AddFromScreen {
            after: state.selected,
        }));
    }
    if story.is_empty() {
        ui.label(
            RichText::new(
                "No slides yet. Set up a view, then Add slide. Until the story has a slide, presenter mode shows one slide per view.",
            )
            .weak(),
        );
        return;
    }
    ui.separator();
    slide_list_ui(ui, story, state, commands);
    let Some(index) = state.selected else {
        return;
    };
    let Some(slide) = story.get(index) else {
        return;
    };
    ui.separator();
    slide_actions_ui(ui, index, story.len(), commands);
    slide_words_ui(ui, dataset, index, slide, state, commands);
}

/// Which story is edited and presented, and the buttons that make, copy and delete one;
/// its name, renamed when the field is left.
fn story_choice_ui(
    ui: &mut Ui,
    stories: &[Story],
    chosen: usize,
    state: &mut StoryEditorState,
    commands: &mut Vec<Command>,
) {
    let name_id = egui::Id::unique("story_name");
    let current = stories.get(chosen);
    ui.horizontal(|ui| {
        let label = ui.label("Story");
        let shown = current.map_or("(none yet)", |story| story.name.as_str());
        egui::ComboBox::from_id_salt("story_choice")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (index, story) in stories.iter().enumerate() {
                    let count = story.slides.len();
                    let plural = if count == 1 { "" } else { "s" };
                    let text = format!("{} ({count} slide{plural})", story.name);
                    if ui.selectable_label(index == chosen, text).clicked() && index != chosen {
                        commands.push(Command::Present(PresenterAction::ChooseStory(index)));
                    }
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("The story the editor changes and presenter mode presents");
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("New story")
            .on_hover_text("A story of its own, with no slides yet")
            .clicked()
        {
            commands.push(Command::EditStory(StoryEdit::NewStory {
                name: free_story_name(stories, OLD_STORY_NAME),
            }));
        }
        let some = current.is_some();
        if ui
            .add_enabled(some, egui::Button::new("Duplicate story"))
            .on_hover_text("A copy of this story after it, to tell it another way")
            .clicked()
        {
            commands.push(Command::EditStory(StoryEdit::DuplicateStory(chosen)));
        }
        if ui
            .add_enabled(some, egui::Button::new("Delete story"))
            .on_hover_text("Take this story and its slides out (Undo puts them back)")
            .clicked()
        {
            commands.push(Command::EditStory(StoryEdit::DeleteStory(chosen)));
        }
    });
    let Some(current) = current else {
        return;
    };
    if !ui.ctx().memory(|memory| memory.has_focus(name_id)) {
        state.name.clone_from(&current.name);
    }
    ui.horizontal(|ui| {
        let label = ui.label("Name");
        let field = ui
            .add(egui::TextEdit::singleline(&mut state.name).id(name_id))
            .labelled_by(label.id);
        let name = state.name.trim();
        let taken = stories
            .iter()
            .enumerate()
            .any(|(index, story)| index != chosen && story.name == name);
        if field.lost_focus() && name != current.name && !name.is_empty() && !taken {
            commands.push(Command::EditStory(StoryEdit::RenameStory {
                index: chosen,
                name: name.to_owned(),
            }));
        }
        if taken || name.is_empty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                if taken {
                    "Another story has this name"
                } else {
                    "A story needs a name"
                },
            );
        }
    });
}

/// The slides, numbered; click one to show it, drag one onto another to move it there.
fn slide_list_ui(
    ui: &mut Ui,
    story: &[Slide],
    state: &StoryEditorState,
    commands: &mut Vec<Command>,
) {
    ui.label(
        RichText::new("Click a slide to show it; drag its :: onto another to move it.")
            .weak()
            .small(),
    );
    egui::ScrollArea::vertical()
        .id_salt("story_slides")
        .max_height(220.0)
        .show(ui, |ui| {
            for (index, slide) in story.iter().enumerate() {
                let row = ui.horizontal(|ui| {
                    let handle = ui
                        .dnd_drag_source(egui::Id::unique(("story_slide", index)), index, |ui| {
                            ui.label(RichText::new("::").strong())
                        })
                        .response
                        .on_hover_text("Drag onto another slide to move it there");
                    handle.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("Drag slide {}", index + 1),
                        )
                    });
                    let text = format!("{}. {}", index + 1, slide.title);
                    ui.selectable_label(state.selected == Some(index), text)
                });
                if row.inner.clicked() {
                    commands.push(Command::ShowStorySlide(Some(index)));
                }
                if let Some(from) = row.response.dnd_release_payload::<usize>()
                    && *from != index
                {
                    commands.push(Command::EditStory(StoryEdit::Move {
                        from: *from,
                        to: index,
                    }));
                }
            }
        });
}

/// Update from the screen, duplicate, delete, move up or down.
fn slide_actions_ui(ui: &mut Ui, index: usize, count: usize, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let mut action = |ui: &mut Ui, label: &str, hint: &str, enabled: bool, edit: StoryEdit| {
            if ui
                .add_enabled(enabled, egui::Button::new(label))
                .on_hover_text(hint)
                .clicked()
            {
                commands.push(Command::EditStory(edit));
            }
        };
        action(
            ui,
            "Update from screen",
            "Make the slide show what the window shows now; its words stay",
            true,
            StoryEdit::UpdateFromScreen(index),
        );
        action(
            ui,
            "Duplicate",
            "A copy of the slide after it",
            true,
            StoryEdit::Duplicate(index),
        );
        action(
            ui,
            "Delete",
            "Take the slide out of the story (Undo puts it back)",
            true,
            StoryEdit::Delete(index),
        );
        action(
            ui,
            "Move up",
            "Move the slide one place earlier",
            index > 0,
            StoryEdit::Move {
                from: index,
                to: index.saturating_sub(1),
            },
        );
        action(
            ui,
            "Move down",
            "Move the slide one place later",
            index + 1 < count,
            StoryEdit::Move {
                from: index,
                to: index + 1,
            },
        );
    });
}

/// The slide's title, caption, notes and sources; a field's words become one edit when
/// the field is left, a source's box at once.
fn slide_words_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    index: usize,
    slide: &Slide,
    state: &mut StoryEditorState,
    commands: &mut Vec<Command>,
) {
    let typing = ui.ctx().memory(|memory| {
        ["story_title", "story_caption", "story_notes"]
            .into_iter()
            .any(|field| memory.has_focus(egui::Id::unique(field)))
    });
    if !typing {
        state.load(slide);
    }
    let edit = |state: &StoryEditorState, sources: Vec<String>| {
        Command::EditStory(StoryEdit::SetText {
            index,
            title: state.title.clone(),
            caption: state.caption.clone(),
            notes: state.notes.clone(),
            sources,
        })
    };
    let mut left = false;
    let title_label = ui.label("Title");
    left |= ui
        .add(egui::TextEdit::singleline(&mut state.title).id(egui::Id::unique("story_title")))
        .labelled_by(title_label.id)
        .lost_focus();
    let caption_label = ui.label("Caption (on the slide)");
    left |= ui
        .add(
            egui::TextEdit::multiline(&mut state.caption)
                .id(egui::Id::unique("story_caption"))
                .desired_rows(3),
        )
        .labelled_by(caption_label.id)
        .lost_focus();
    let notes_label = ui.label("Speaker notes (for the presenter only)");
    left |= ui
        .add(
            egui::TextEdit::multiline(&mut state.notes)
                .id(egui::Id::unique("story_notes"))
                .desired_rows(3),
        )
        .labelled_by(notes_label.id)
        .lost_focus();
    let changed =
        state.title != slide.title || state.caption != slide.caption || state.notes != slide.notes;
    if left && changed {
        commands.push(edit(state, slide.sources.clone()));
    }
    if !slide.caption.trim().is_empty() && slide.sources.is_empty() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "A caption needs its sources: tick the ones behind it, or the dataset will not open again.",
        );
    }
    ui.label("Sources (printed on the slide)");
    if dataset.sources.is_empty() {
        ui.label(RichText::new("The dataset has no sources yet.").weak());
    }
    egui::ScrollArea::vertical()
        .id_salt("story_sources")
        .max_height(160.0)
        .show(ui, |ui| {
            for source in &dataset.sources {
                let mut on = slide.sources.contains(&source.id);
                if ui.checkbox(&mut on, source.citation()).changed() {
                    let sources = dataset
                        .sources
                        .iter()
                        .map(|s| &s.id)
                        .filter(|id| {
                            (**id == source.id && on)
                                || (**id != source.id && slide.sources.contains(id))
                        })
                        .cloned()
                        .collect();
                    commands.push(edit(state, sources));
                }
            }
        });
}
