//! A searchable country picker: a button naming the chosen country that opens a list of
//! every country in Bilateral's table, filtered as one types a name or a code (ISO alpha-3
//! or alpha-2, UN M49, IMF or BACI number).
//!
//! Keyboard: Tab to the button, Space or Enter opens it with the search box focused; type
//! to filter, ↓/↑ move through the matches, Enter picks, Escape closes without picking.
//!
//! ```ignore
//! let mut first: Option<CountryId> = None;
//! if country_picker(ui, "first party", &mut first).changed() {
//!     // `first` now holds the country picked.
//! }
//! ```

use eframe::egui::{self, Key, Modifiers, Response, RichText, Ui};

use crate::data::country::{Country, CountryId, CountryTable, countries, name_key};

/// The most matches listed at once; typing narrows the rest.
const MOST_LISTED: usize = 300;

/// The width of the button and of the list, in points.
const PICKER_WIDTH: f32 = 260.0;

/// The text the button shows when no country is chosen.
pub(crate) const NOTHING_CHOSEN: &str = "Choose a country…";

/// What the picker remembers while its list is open.
#[derive(Debug, Clone, Default)]
struct SearchState {
    /// What has been typed.
    query: String,
    /// Which of the matches the keyboard points at.
    highlighted: usize,
}

/// A button naming the country in `selected` (`Russia (RUS)`) that opens a searchable list
/// of every country; picking one writes it to `selected` and marks the response changed.
///
/// `id_salt` tells two pickers in one `Ui` apart (`"first"`, `"second"`).
pub(crate) fn country_picker(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    selected: &mut Option<CountryId>,
) -> Response {
    let table = countries();
    let id = ui.make_persistent_id(id_salt);
    let chosen = selected.and_then(|id| table.get(id));
    let text = chosen.map_or_else(|| NOTHING_CHOSEN.to_owned(), Country::label);
    let mut response = ui.add(egui::Button::new(text).min_size(egui::vec2(PICKER_WIDTH, 0.0)));
    if let Some(country) = chosen {
        response = response.on_hover_text(codes_line(country));
    }
    let just_opened = response.clicked();
    if just_opened {
        ui.data_mut(|data| data.insert_temp(id, SearchState::default()));
    }
    let mut picked = None;
    egui::Popup::from_toggle_button_response(&response)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .width(PICKER_WIDTH)
        .show(|ui| {
            let mut state: SearchState = ui.data(|data| data.get_temp(id)).unwrap_or_default();
            picked = search_list_ui(ui, &mut state, *selected, just_opened);
            ui.data_mut(|data| data.insert_temp(id, state));
            if picked.is_some() {
                ui.close();
            }
        });
    if let Some(country) = picked
        && *selected != Some(country)
    {
        *selected = Some(country);
        response.mark_changed();
    }
    response
}

/// The search box and the list of matches; returns the country picked, if one was.
fn search_list_ui(
    ui: &mut Ui,
    state: &mut SearchState,
    selected: Option<CountryId>,
    just_opened: bool,
) -> Option<CountryId> {
    let table = countries();
    let (down, up, enter) = ui.input_mut(|input| {
        (
            input.consume_key(Modifiers::NONE, Key::ArrowDown),
            input.consume_key(Modifiers::NONE, Key::ArrowUp),
            input.key_pressed(Key::Enter),
        )
    });
    let search = ui.add(
        egui::TextEdit::singleline(&mut state.query)
            .hint_text("Name or code: Iran, IRN, 364")
            .desired_width(f32::INFINITY),
    );
    if just_opened {
        search.request_focus();
    }
    if search.changed() {
        state.highlighted = 0;
    }
    let matches = matching_countries(table, &state.query);
    if matches.is_empty() {
        ui.label(RichText::new("No country has that name or code.").weak());
        return None;
    }
    let last = matches.len().min(MOST_LISTED) - 1;
    if down {
        state.highlighted = (state.highlighted + 1).min(last);
    }
    if up {
        state.highlighted = state.highlighted.saturating_sub(1);
    }
    state.highlighted = state.highlighted.min(last);
    if enter && !state.query.is_empty() {
        return Some(matches[state.highlighted]);
    }
    let mut picked = None;
    egui::ScrollArea::vertical()
        .max_height(260.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (index, &country_id) in matches.iter().take(MOST_LISTED).enumerate() {
                let Some(country) = table.get(country_id) else {
                    continue;
                };
                let highlighted = index == state.highlighted;
                let row = ui
                    .selectable_label(
                        highlighted || Some(country_id) == selected,
                        row_text(country),
                    )
                    .on_hover_text(codes_line(country));
                if highlighted && (down || up) {
                    row.scroll_to_me(None);
                }
                if row.clicked() {
                    picked = Some(country_id);
                }
            }
            if matches.len() > MOST_LISTED {
                ui.label(
                    RichText::new(format!(
                        "…and {} more: type to narrow",
                        matches.len() - MOST_LISTED
                    ))
                    .weak(),
                );
            }
        });
    picked
}

/// `Russia (RUS)`, with the years of a state that began or ended.
fn row_text(country: &Country) -> String {
    match (country.from_year, country.to_year) {
        (_, Some(to)) => format!("{} · until {to}", country.label()),
        (Some(from), None) => format!("{} · from {from}", country.label()),
        (None, None) => country.label(),
    }
}

/// Every code of a country on one line, and its note: the hover text.
#[must_use]
pub(crate) fn codes_line(country: &Country) -> String {
    let mut parts = vec![format!("ISO {}", country.iso3)];
    parts.extend(country.iso2.iter().map(|code| format!("ISO2 {code}")));
    parts.extend(country.m49.iter().map(|code| format!("M49 {code}")));
    parts.extend(country.imf.iter().map(|code| format!("IMF {code}")));
    let mut line = parts.join(" · ");
    if !country.note.is_empty() {
        line.push('\n');
        line.push_str(&country.note);
    }
    line
}

/// The countries `query` names, best first: a code equal to it, then names starting with
/// it, then names with a word starting with it, then names containing it. An empty query
/// lists every country by name.
#[must_use]
pub(crate) fn matching_countries(table: &CountryTable, query: &str) -> Vec<CountryId> {
    let query = query.trim();
    let key = name_key(query);
    let mut ranked: Vec<(u8, &Country)> = table
        .all()
        .iter()
        .filter_map(|country| match_rank(country, query, &key).map(|rank| (rank, country)))
        .collect();
    ranked.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
    ranked.into_iter().map(|(_, country)| country.id).collect()
}

/// How well `country` matches: 0 best; `None` when it does not.
fn match_rank(country: &Country, query: &str, key: &str) -> Option<u8> {
    if key.is_empty() {
        return Some(0);
    }
    match code_match(country, query) {
        Some(CodeMatch::Primary) => return Some(0),
        Some(CodeMatch::Secondary) => return Some(1),
        None => {}
    }
    let name = name_key(&country.name);
    if name.starts_with(key) {
        return Some(2);
    }
    let others: Vec<String> = country.other_names.iter().map(|n| name_key(n)).collect();
    let word_starts = |text: &str| text.split(' ').any(|word| word.starts_with(key));
    if word_starts(&name) || others.iter().any(|other| other.starts_with(key)) {
        return Some(3);
    }
    if others.iter().any(|other| word_starts(other)) {
        return Some(4);
    }
    (name.contains(key) || others.iter().any(|other| other.contains(key))).then_some(5)
}

/// Which kind of code a query equals.
enum CodeMatch {
    /// ISO alpha-3 or alpha-2, UN M49 or Comtrade: what a number means first.
    Primary,
    /// IMF or BACI number (643 is Russia in M49 and Eritrea at the IMF).
    Secondary,
}

/// Whether `query` is one of the country's codes (ISO ignoring case, numbers ignoring
/// leading zeros), and of which kind.
fn code_match(country: &Country, query: &str) -> Option<CodeMatch> {
    if query.bytes().all(|b| b.is_ascii_digit()) {
        let number = query.parse::<u16>().ok()?;
        if country.m49 == Some(number) || country.comtrade.contains(&number) {
            return Some(CodeMatch::Primary);
        }
        return (country.imf == Some(number) || country.baci.contains(&number))
            .then_some(CodeMatch::Secondary);
    }
    let iso2 = country
        .iso2
        .as_deref()
        .is_some_and(|code| code.eq_ignore_ascii_case(query));
    (country.iso3.eq_ignore_ascii_case(query) || iso2).then_some(CodeMatch::Primary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn iso3s(query: &str) -> Vec<String> {
        let table = countries();
        matching_countries(table, query)
            .into_iter()
            .filter_map(|id| table.get(id))
            .map(|c| c.iso3.clone())
            .collect()
    }

    #[test]
    fn a_code_ranks_its_country_first() {
        assert_eq!(iso3s("irn").first().map(String::as_str), Some("IRN"));
        assert_eq!(iso3s("643").first().map(String::as_str), Some("RUS"));
        assert_eq!(iso3s("922").first().map(String::as_str), Some("RUS"));
        // 643 is also Eritrea's IMF number: listed, after Russia.
        assert_eq!(iso3s("643")[..2], ["RUS".to_owned(), "ERI".to_owned()]);
        assert_eq!(iso3s("ru").first().map(String::as_str), Some("RUS"));
    }

    #[test]
    fn names_match_from_their_start_then_any_word_then_anywhere() {
        let found = iso3s("iran");
        assert_eq!(found, vec!["IRN"]);
        // "Russian Federation" is another name of Russia; the USSR's "Soviet Union" is not a match.
        let found = iso3s("federation");
        assert!(found.contains(&"RUS".to_owned()), "{found:?}");
        assert!(!found.contains(&"SUN".to_owned()), "{found:?}");
        let found = iso3s("soviet");
        assert_eq!(found, vec!["SUN"]);
        // Accents and case do not matter.
        assert_eq!(
            iso3s("TÜRKIYE").first().map(String::as_str),
            iso3s("turkiye").first().map(String::as_str)
        );
        assert!(iso3s("zzzz").is_empty());
    }

    #[test]
    fn an_empty_query_lists_every_country() {
        let table = countries();
        assert_eq!(iso3s("").len(), table.all().len());
    }

    #[test]
    fn typing_and_enter_pick_a_country_and_the_button_names_it() {
        let russia = countries().lookup("RUS").map(|c| c.id);
        let mut harness = Harness::builder()
            .with_context_setup(crate::assets::fonts::install)
            .build_ui_state(
                |ui, chosen: &mut (Option<CountryId>, bool)| {
                    if country_picker(ui, "picker", &mut chosen.0).changed() {
                        chosen.1 = true;
                    }
                },
                (russia, false),
            );
        harness.run();
        harness.get_by_label("Russia (RUS)").click();
        harness.run();
        harness
            .get_by_role(egui::accesskit::Role::TextInput)
            .type_text("iran");
        harness.run();
        harness.key_press(Key::Enter);
        harness.run();
        let iran = countries().lookup("IRN").map(|c| c.id);
        assert_eq!(harness.state().0, iran);
        assert!(harness.state().1, "the response was marked changed");
        harness.get_by_label("Iran (IRN)");
    }

    #[test]
    fn arrow_keys_move_through_the_matches_and_a_click_picks() {
        let mut harness = Harness::builder()
            .with_context_setup(crate::assets::fonts::install)
            .build_ui_state(
                |ui, chosen: &mut Option<CountryId>| {
                    country_picker(ui, "picker", chosen);
                },
                None,
            );
        harness.run();
        harness.get_by_label(NOTHING_CHOSEN).click();
        harness.run();
        harness
            .get_by_role(egui::accesskit::Role::TextInput)
            .type_text("united");
        harness.run();
        let table = countries();
        let matches = matching_countries(table, "united");
        assert!(matches.len() >= 3, "{matches:?}");
        harness.key_press(Key::ArrowDown);
        harness.run();
        harness.key_press(Key::Enter);
        harness.run();
        assert_eq!(harness.state(), &Some(matches[1]));

        let third = table.get(matches[2]).map(row_text).expect("a third match");
        harness
            .get_by_label(&table.get(matches[1]).map(Country::label).expect("label"))
            .click();
        harness.run();
        harness
            .get_by_role(egui::accesskit::Role::TextInput)
            .type_text("united");
        harness.run();
        harness.get_by_label(&third).click();
        harness.run();
        assert_eq!(harness.state(), &Some(matches[2]));
    }
}
