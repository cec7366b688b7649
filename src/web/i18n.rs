//! Translations: Fluent (`locales/{lang}/balise.ftl`), French as the source, Dutch, German
//! and English beside it. The files are built into the binary and parsed at start; a
//! parse error stops the start. Unicode isolation marks are off: pages are in one
//! script, and the marks would show as stray characters to some screen readers.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    Nl,
    De,
    En,
}

impl Lang {
    /// In the order offered; French first, and the default.
    pub const ALL: [Lang; 4] = [Lang::Fr, Lang::Nl, Lang::De, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Nl => "nl",
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| s.get(..2).is_some_and(|p| p.eq_ignore_ascii_case(l.code())))
    }

    /// The language's own name, as the language switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::Nl => "Nederlands",
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// The first language of an `Accept-Language` header that balise speaks.
    pub fn from_accept(header: &str) -> Option<Lang> {
        let mut offers: Vec<(f32, Lang)> = header
            .split(',')
            .filter_map(|part| {
                let mut it = part.trim().split(';');
                let lang = Lang::parse(it.next()?.trim())?;
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse().ok())
                    .unwrap_or(1.0);
                Some((q, lang))
            })
            .collect();
        offers.sort_by(|a, b| b.0.total_cmp(&a.0));
        offers.first().map(|o| o.1)
    }
}

const SOURCES: [(Lang, &str); 4] = [
    (Lang::Fr, include_str!("../../locales/fr/balise.ftl")),
    (Lang::Nl, include_str!("../../locales/nl/balise.ftl")),
    (Lang::De, include_str!("../../locales/de/balise.ftl")),
    (Lang::En, include_str!("../../locales/en/balise.ftl")),
];

pub struct I18n {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

impl I18n {
    pub fn load() -> anyhow::Result<I18n> {
        let mut bundles = HashMap::new();
        for (lang, source) in SOURCES {
            let resource = FluentResource::try_new(source.to_string()).map_err(|(_, errors)| {
                anyhow::anyhow!(
                    "locales/{}/balise.ftl does not parse: {errors:?}",
                    lang.code()
                )
            })?;
            let id: unic_langid::LanguageIdentifier =
                lang.code().parse().expect("language codes parse");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(false);
            bundle.add_resource(resource).map_err(|errors| {
                anyhow::anyhow!("locales/{}/balise.ftl: {errors:?}", lang.code())
            })?;
            bundles.insert(lang, bundle);
        }
        Ok(I18n { bundles })
    }

    /// The message `key` in `lang`, French when the language lacks it, the key itself
    /// when no file has it (tests make sure that never ships).
    pub fn t(&self, lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
        for l in [lang, Lang::Fr] {
            let bundle = &self.bundles[&l];
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(key, lang = l.code(), ?errors, "translation error");
                }
                return text.into_owned();
            }
        }
        tracing::warn!(key, "no translation");
        key.to_string()
    }

    /// Shorthand for a message with named arguments.
    pub fn tf(&self, lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        self.t(lang, key, Some(&fa))
    }

    /// Whether `key` exists in French, the source language.
    pub fn has(&self, key: &str) -> bool {
        self.bundles[&Lang::Fr].has_message(key)
    }

    /// The message ids of each file, for the test that all languages have the same keys.
    pub fn keys(lang: Lang) -> Vec<String> {
        let source = SOURCES
            .iter()
            .find(|(l, _)| *l == lang)
            .expect("every language has a file")
            .1;
        let resource = FluentResource::try_new(source.to_string()).expect("parses");
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_parses_and_has_the_same_messages() {
        I18n::load().unwrap();
        let mut fr = I18n::keys(Lang::Fr);
        fr.sort();
        for lang in [Lang::Nl, Lang::De, Lang::En] {
            let mut other = I18n::keys(lang);
            other.sort();
            let missing: Vec<_> = fr.iter().filter(|k| !other.contains(k)).collect();
            let extra: Vec<_> = other.iter().filter(|k| !fr.contains(k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, not in French {extra:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn accept_language_picks_the_best_language_spoken() {
        assert_eq!(Lang::from_accept("nl-BE,nl;q=0.9,fr;q=0.8"), Some(Lang::Nl));
        assert_eq!(Lang::from_accept("es, de;q=0.5, en;q=0.7"), Some(Lang::En));
        assert_eq!(Lang::from_accept("es, it"), None);
    }
}
