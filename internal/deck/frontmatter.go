package deck

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// frontMatterLine applies one line of front matter to d. Both YAML-like
// `key: value` and TOML `key = value` are accepted, since hashcards decks
// carry TOML; only the few keys recall knows are read, the rest ignored.
func frontMatterLine(d *Deck, line string) (msg string) {
	t := strings.TrimSpace(line)
	if t == "" || t[0] == '#' {
		return ""
	}
	k := 0
	for k < len(t) && (isKeyByte(t[k])) {
		k++
	}
	key := t[:k]
	rest := strings.TrimLeft(t[k:], " \t")
	if key == "" || rest == "" || (rest[0] != ':' && rest[0] != '=') {
		return "front matter line should be `key: value` or `key = \"value\"`; close the front matter with a line of only ---"
	}
	if len(key) == 1 && strings.Contains(cardTags, key) {
		return "card tag " + key + ": inside the front matter; close the front matter with a line of only --- before the first card, or remove the --- on line 1 if it was meant as a separator"
	}
	raw := strings.TrimSpace(rest[1:])
	switch strings.ToLower(key) {
	case "deck", "name":
		// "deck" wins over hashcards' "name" when a file has both.
		if v := decodeValue(raw); v != "" && (d.Name == "" || strings.EqualFold(key, "deck")) {
			d.Name = v
		}
	case "description":
		d.Description = decodeValue(raw)
	case "tags":
		d.Tags = append(d.Tags, decodeTags(raw)...)
	case "source":
		d.Source = decodeValue(raw)
	}
	return ""
}

func isKeyByte(c byte) bool {
	return c == '_' || c == '-' || c == '.' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// decodeValue reads a front matter value: "double quoted" with Go/TOML
// escapes, 'single quoted' (YAML doubles a quote inside, TOML has none),
// or plain text. A quoted value that does not decode stays as written.
func decodeValue(raw string) string {
	if len(raw) >= 2 {
		switch {
		case raw[0] == '"' && raw[len(raw)-1] == '"':
			if v, err := strconv.Unquote(raw); err == nil {
				return v
			}
		case raw[0] == '\'' && raw[len(raw)-1] == '\'':
			return strings.ReplaceAll(raw[1:len(raw)-1], "''", "'")
		}
	}
	return raw
}

// decodeTags reads a tag list: an array `[a, "b c"]` whose items may be
// quoted, or plain tags separated by commas or blanks.
func decodeTags(raw string) []string {
	if len(raw) >= 2 && raw[0] == '[' && raw[len(raw)-1] == ']' {
		var tags []string
		for _, item := range strings.Split(raw[1:len(raw)-1], ",") {
			if v := strings.TrimSpace(decodeValue(strings.TrimSpace(item))); v != "" {
				tags = append(tags, v)
			}
		}
		return tags
	}
	return splitTags(raw)
}

// splitTags splits a plain tag list at commas and white space.
func splitTags(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
	if len(f) == 0 {
		return nil
	}
	return f
}

// encodeValue writes a front matter value so that decodeValue returns it:
// plain when that is unambiguous, else double-quoted.
func encodeValue(v string) string {
	plain := v == strings.TrimSpace(v) && v != "" && v[0] != '"' && v[0] != '\''
	for _, r := range v {
		if unicode.IsControl(r) || r == utf8.RuneError {
			plain = false
			break
		}
	}
	if plain {
		return v
	}
	return strconv.Quote(v)
}

// encodeTags writes deck tags plainly when that reads back the same, else
// as an array of quoted items. Commas are escaped inside the quotes because
// decodeTags splits the array at every comma.
func encodeTags(tags []string) string {
	plain := strings.Join(tags, ", ")
	if slices.Equal(decodeTags(plain), tags) {
		return plain
	}
	items := make([]string, len(tags))
	for i, t := range tags {
		items[i] = strings.ReplaceAll(strconv.Quote(t), ",", `\x2c`)
	}
	return "[" + strings.Join(items, ", ") + "]"
}
