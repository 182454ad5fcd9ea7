//! For the tests: a strict reader of the SVG written, and the datasets they draw.

use std::collections::BTreeMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::*;
use crate::chart::{self, ChartOptions};
use crate::data::builtin::builtin_dataset;
use crate::data::json::parse_dataset;

/// An element of a parsed document: its attributes, children and own text.
#[derive(Debug, Default)]
pub(super) struct Element {
    pub(super) name: String,
    pub(super) attributes: BTreeMap<String, String>,
    pub(super) children: Vec<Element>,
    pub(super) text: String,
}

impl Element {
    pub(super) fn attribute(&self, name: &str) -> &str {
        self.attributes.get(name).map_or("", String::as_str)
    }

    /// This element and every element inside it, in document order.
    pub(super) fn descendants(&self) -> Vec<&Element> {
        let mut all = vec![self];
        for child in &self.children {
            all.extend(child.descendants());
        }
        all
    }

    pub(super) fn with_class(&self, class: &str) -> Vec<&Element> {
        self.descendants()
            .into_iter()
            .filter(|e| e.attribute("class") == class)
            .collect()
    }

    pub(super) fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every text inside, in document order.
    pub(super) fn all_text(&self) -> Vec<&str> {
        self.descendants()
            .into_iter()
            .map(|e| e.text.as_str())
            .filter(|t| !t.trim().is_empty())
            .collect()
    }
}

pub(super) fn element(start: &BytesStart<'_>) -> Element {
    let mut attributes = BTreeMap::new();
    for attribute in start.attributes() {
        let attribute = attribute.expect("well-formed attribute");
        let name = String::from_utf8(attribute.key.as_ref().to_vec()).expect("UTF-8 name");
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .expect("attribute value with known entities");
        assert!(
            attributes
                .insert(name.clone(), value.into_owned())
                .is_none(),
            "attribute {name} twice"
        );
    }
    Element {
        name: String::from_utf8(start.name().as_ref().to_vec()).expect("UTF-8 name"),
        attributes,
        ..Element::default()
    }
}

/// Parses `text` as XML, failing the test on anything not well-formed: mismatched or
/// unclosed tags, unknown entities, repeated attributes, more than one root.
pub(super) fn parse_xml(text: &str) -> Element {
    let mut reader = Reader::from_str(text);
    let mut stack = vec![Element::default()];
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let parent = stack.len() - 1;
        match event {
            Event::Start(start) => stack.push(element(&start)),
            Event::Empty(start) => stack[parent].children.push(element(&start)),
            Event::End(end) => {
                let done = stack.pop().expect("an open element");
                assert_eq!(done.name.as_bytes(), end.name().as_ref());
                stack.last_mut().expect("a parent").children.push(done);
            }
            Event::Text(content) => {
                let content = content.xml10_content().expect("UTF-8 text");
                stack[parent].text.push_str(&content);
            }
            Event::GeneralRef(reference) => {
                let resolved = if reference.is_char_ref() {
                    reference
                        .resolve_char_ref()
                        .expect("valid character reference")
                        .expect("a character")
                        .to_string()
                } else {
                    let name = reference.decode().expect("UTF-8 entity");
                    quick_xml::escape::resolve_predefined_entity(&name)
                        .unwrap_or_else(|| panic!("unknown entity &{name};"))
                        .to_owned()
                };
                stack[parent].text.push_str(&resolved);
            }
            Event::CData(_) | Event::DocType(_) => panic!("unexpected {event:?}"),
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut document = stack.pop().expect("the document");
    assert_eq!(document.children.len(), 1, "one root element");
    document.children.remove(0)
}

pub(super) fn builtin() -> Dataset {
    builtin_dataset().expect("the built-in dataset loads")
}

pub(super) fn svg_of(dataset: &Dataset, options: &ChartOptions) -> (ChartModel, Element) {
    let model = chart::build(dataset, options);
    let svg = trade_chart_svg(dataset, &model, &SvgOptions::default());
    (model, parse_xml(&svg))
}

/// A small dataset whose texts hold every character XML escapes.
pub(super) fn awkward_dataset() -> Dataset {
    let text = r#"{
      "metadata": {"schema_version": 1, "title": "Trade & <Tariffs>", "updated": "2026",
        "parties": [{"iso_alpha2": "RU", "iso_alpha3": "RUS", "iso_numeric": "643", "name": "Russia"},
                    {"iso_alpha2": "IR", "iso_alpha3": "IRN", "iso_numeric": "364", "name": "Iran"}]},
      "sources": [{"id": "a&b", "title": "R&D <2024> \"quoted\" 'single'", "publisher": "Smith & Sons"}],
      "series": [
        {"id": "s<1>", "label": "Exports & \"re-exports\" <net>", "unit": "USD bn", "kind": "trade_turnover", "points": [
          {"year": 2020, "value": 1.5, "sources": ["a&b"]},
          {"year": 2021, "value": 0.1234567890123, "approximate": true, "sources": ["a&b"]},
          {"year": 2024, "range": {"low": 2, "high": 3}, "sources": ["a&b"]}]}
      ]}"#;
    parse_dataset(text.as_bytes(), "awkward.json").expect("valid")
}
