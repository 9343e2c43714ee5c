//! Enum member names: the part of Pulumi's `makeSafeEnumName` that Pulumi's Go and
//! Python generators share, decided once. (Pulumi's Node.js generator spells fewer
//! values out and keeps its own table; its backend keeps it, matching the official SDKs.)

/// The word a one-character enum value is spelled as before it is cased (`"*"` →
/// `Asterisk`, `"7"` → `Seven`), or `None` when the value is used as it is.
pub fn spelled_out(value_name: &str) -> Option<&'static str> {
    Some(match value_name {
        "*" => "Asterisk",
        "0" => "Zero",
        "1" => "One",
        "2" => "Two",
        "3" => "Three",
        "4" => "Four",
        "5" => "Five",
        "6" => "Six",
        "7" => "Seven",
        "8" => "Eight",
        "9" => "Nine",
        _ => return None,
    })
}
