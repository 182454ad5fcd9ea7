//! The settings file: whatever it holds gives settings in range, which survive their own JSON.
#![no_main]
use bilateral::settings::{MAX_RECENT_FILES, Settings};

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Ok(settings) = Settings::from_json(bytes) else {
        return;
    };
    assert!((1.0..=4.0).contains(&settings.presenter_scale));
    assert!(settings.recent_files.len() <= MAX_RECENT_FILES);
    let written = serde_json::to_vec(&settings).expect("settings serialise");
    let again = Settings::from_json(&written).expect("written settings load");
    assert_eq!(again, settings);
});
