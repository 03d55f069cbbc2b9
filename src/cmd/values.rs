//! The values an option takes, as `--help` lists them: taken from the registry that defines them
//! (`Format::ALL`, `ComparisonFormat::ALL`, the small enums of the commands), each with what it
//! means in English and in Chinese.
//!
//! A registry is a [`Values`]: every value by name, and a `describe` whose `match` gives both
//! descriptions of each value, so a new value is listed in both languages' help without editing
//! any help text, and a value without its Chinese description does not compile. The library's
//! types are parsed by their own `FromStr` ([`Registry`]), so a wrong value is refused in the
//! library's words; the commands' own enums are declared with [`values!`], which makes them
//! clap `ValueEnum`s.

use std::ffi::OsStr;
use std::marker::PhantomData;
use std::str::FromStr;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};

/// A registry of the values an option takes.
pub(crate) trait Values: Copy + Send + Sync + 'static {
    /// Every value with its name, in the order help lists them.
    fn all() -> &'static [(&'static str, Self)];

    /// What the value means: in English, and in Chinese.
    fn describe(self) -> (&'static str, &'static str);
}

/// The Chinese description of the value of `T` called `name`.
pub(crate) fn zh<T: Values>(name: &str) -> Option<&'static str> {
    T::all()
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.describe().1)
}

/// The registry's values as clap lists them, with their English descriptions.
pub(crate) fn possible_values<T: Values>() -> impl Iterator<Item = PossibleValue> {
    T::all()
        .iter()
        .map(|(name, value)| PossibleValue::new(*name).help(value.describe().0))
}

/// clap's parser for a library type: the value is parsed by the type's `FromStr` (its error is
/// the message), and the registry is what help and completions list.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Registry<T>(PhantomData<T>);

/// The parser of `T`, for `#[arg(value_parser = values::registry::<T>())]`.
pub(crate) fn registry<T>() -> Registry<T> {
    Registry(PhantomData)
}

impl<T> TypedValueParser for Registry<T>
where
    T: Values + FromStr,
    T::Err: Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
{
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        StringValueParser::new()
            .try_map(|text| text.parse::<T>())
            .parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(possible_values::<T>()))
    }
}

/// Declares a command's enum of values as a [`Values`] registry and a clap `ValueEnum`: each
/// variant with its name on the command line, its English and its Chinese description.
macro_rules! values {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $variant:ident = $value:literal, $en:literal, $zh:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis enum $name {
            $( #[doc = $en] $variant, )+
        }

        impl $crate::cmd::values::Values for $name {
            fn all() -> &'static [(&'static str, Self)] {
                &[$( ($value, $name::$variant) ),+]
            }

            fn describe(self) -> (&'static str, &'static str) {
                match self {
                    $( $name::$variant => ($en, $zh), )+
                }
            }
        }

        impl clap::ValueEnum for $name {
            fn value_variants<'a>() -> &'a [Self] {
                &[$( $name::$variant ),+]
            }

            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                use $crate::cmd::values::Values as _;
                let (name, value) = $name::all().iter().find(|(_, v)| v == self)?;
                Some(clap::builder::PossibleValue::new(*name).help(value.describe().0))
            }
        }
    };
}

pub(crate) use values;

#[cfg(test)]
mod tests {
    use super::*;

    values! {
        /// A test registry.
        enum Pick {
            One = "one", "The first", "第一个";
            Two = "two", "The second", "第二个";
        }
    }

    #[test]
    fn a_declared_enum_lists_parses_and_describes_its_values() {
        use clap::ValueEnum;
        let names: Vec<&str> = Pick::all().iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["one", "two"]);
        assert_eq!(Pick::from_str("two", false), Ok(Pick::Two));
        assert_eq!(zh::<Pick>("one"), Some("第一个"));
        assert_eq!(zh::<Pick>("three"), None);
        let value = Pick::Two.to_possible_value().expect("a value");
        assert_eq!(value.get_name(), "two");
        assert_eq!(
            value.get_help().map(ToString::to_string).as_deref(),
            Some("The second")
        );
    }
}
