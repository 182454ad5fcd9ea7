//! egui's fonts, from the deflated copies the binary embeds (`src/embedded.rs`), installed in
//! every egui context that draws text: the window's and the PNG export's.
//!
//! eframe's `default_fonts` feature is off (Cargo.toml): it would embed the same fonts
//! uncompressed, 0.35 MB more in the binary (issue 12's size target). [`definitions`] builds
//! what epaint 0.37's `impl Default for FontDefinitions` builds with that feature on and
//! without `monochrome_emoji_fonts`: the same font names, tweaks and family order, so the text
//! looks the same. Characters these fonts lack still come from the system's fonts (eframe's
//! `system_fonts`, which ask after these).

use std::sync::{Arc, OnceLock};

use eframe::egui::{self, FontData, FontDefinitions, FontFamily, FontTweak};

use crate::assets::{Deflated, EGUI_ICONS_TTF, HACK_REGULAR_TTF, UBUNTU_LIGHT_TTF};

/// egui's name for Hack, the monospace font.
const HACK: &str = "Hack";
/// egui's name for Ubuntu Light, the proportional font.
const UBUNTU_LIGHT: &str = "Ubuntu-Light";
/// egui's name for the icons of `egui::special_emojis`.
const EGUI_ICONS: &str = "egui-icons";

/// Installs egui's fonts in `ctx`. Should the embedded fonts not inflate (a broken build, which
/// the tests rule out), logs it and leaves `ctx` with the system's fonts only.
pub fn install(ctx: &egui::Context) {
    match definitions() {
        Ok(definitions) => ctx.set_fonts(definitions.clone()),
        Err(error) => log::error!("egui's embedded fonts could not be read: {error}"),
    }
}

/// egui's default font definitions, inflated once and shared by every context (each font's
/// bytes are reference-counted, so a clone copies no font).
pub(crate) fn definitions() -> &'static Result<FontDefinitions, String> {
    static DEFINITIONS: OnceLock<Result<FontDefinitions, String>> = OnceLock::new();
    DEFINITIONS.get_or_init(build_definitions)
}

/// What epaint's `FontDefinitions::default()` builds with `default_fonts` on.
fn build_definitions() -> Result<FontDefinitions, String> {
    let font = |name: &str, deflated: Deflated| {
        deflated
            .inflate()
            .map(|bytes| (name.to_owned(), FontData::from_owned(bytes)))
            .map_err(|error| format!("{name}: {error}"))
    };
    let (hack_name, hack) = font(HACK, HACK_REGULAR_TTF)?;
    let (ubuntu_name, ubuntu) = font(UBUNTU_LIGHT, UBUNTU_LIGHT_TTF)?;
    let (icons_name, icons) = font(EGUI_ICONS, EGUI_ICONS_TTF)?;
    let icons = icons.tweak(FontTweak {
        // epaint's: "Make smaller".
        scale: 0.90,
        ..FontTweak::default()
    });
    let mut definitions = FontDefinitions::empty();
    definitions.font_data.insert(hack_name, Arc::new(hack));
    definitions.font_data.insert(ubuntu_name, Arc::new(ubuntu));
    definitions.font_data.insert(icons_name, Arc::new(icons));
    // The icons are the last resort, after the fonts that cover a script's text; Ubuntu Light
    // backs Hack up for signs such as √, and Hack backs Ubuntu Light up for arrows (`→` in
    // the titles of machine-coded events), which it lacks. Otherwise as epaint's default.
    let family = |fonts: &[&str]| -> Vec<String> {
        fonts
            .iter()
            .chain(&[EGUI_ICONS])
            .map(|name| (*name).to_owned())
            .collect()
    };
    definitions
        .families
        .insert(FontFamily::Monospace, family(&[HACK, UBUNTU_LIGHT]));
    definitions
        .families
        .insert(FontFamily::Proportional, family(&[UBUNTU_LIGHT, HACK]));
    Ok(definitions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded_definitions() -> &'static FontDefinitions {
        definitions().as_ref().expect("the embedded fonts inflate")
    }

    #[test]
    fn the_families_are_epaints_default_ones_with_hack_behind_ubuntu_light() {
        let definitions = embedded_definitions();
        assert_eq!(
            definitions.families.get(&FontFamily::Proportional),
            Some(&vec![
                UBUNTU_LIGHT.to_owned(),
                HACK.to_owned(),
                EGUI_ICONS.to_owned()
            ])
        );
        assert_eq!(
            definitions.families.get(&FontFamily::Monospace),
            Some(&vec![
                HACK.to_owned(),
                UBUNTU_LIGHT.to_owned(),
                EGUI_ICONS.to_owned()
            ])
        );
        assert_eq!(definitions.families.len(), 2, "no other family");
        let scale = |name: &str| definitions.font_data[name].tweak.scale;
        assert_eq!(
            (scale(HACK), scale(UBUNTU_LIGHT), scale(EGUI_ICONS)),
            (1.0, 1.0, 0.90)
        );
    }

    #[test]
    fn nothing_else_brings_eguis_own_copy_of_the_fonts() {
        // If a dependency turned `default_fonts` back on (in tests, dev-dependencies share
        // features with the product), egui would embed the fonts uncompressed again and the
        // product could come to rely on them.
        assert!(FontDefinitions::default().font_data.is_empty());
    }

    #[test]
    fn a_context_with_the_fonts_has_a_glyph_for_the_interfaces_text() {
        let ctx = egui::Context::default();
        // A character no font has panics instead of drawing a box.
        ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Panic);
        install(&ctx);
        // Latin and Cyrillic (Ubuntu Light), an arrow only Hack has, a monospace sign only Ubuntu
        // Light has, an icon.
        let samples = [
            ("Russia – Россия, 2024: $4.8 bn", FontFamily::Proportional),
            ("GDELT: Russia → Iran", FontFamily::Proportional),
            ("√ 12,345.6", FontFamily::Monospace),
            ("\u{E624}", FontFamily::Proportional),
        ];
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            for (text, family) in &samples {
                let galley = ui.ctx().fonts_mut(|fonts| {
                    fonts.layout_no_wrap(
                        (*text).to_owned(),
                        egui::FontId::new(14.0, family.clone()),
                        egui::Color32::WHITE,
                    )
                });
                assert!(galley.size().x > 0.0, "{text:?} in {family:?}");
            }
        });
        // The font atlas's first upload: nothing here draws it.
        output.textures_delta.clear();
    }
}
