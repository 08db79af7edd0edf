// The native deck format
//
// A deck file is Markdown meant to be written by hand and read in a diff.
// It is a superset of the hashcards syntax, so hashcards decks read
// unchanged. testdata/example.md shows every construct.
//
// Front matter (optional) sits between two lines of only `---` at the very
// top. Each line is `key: value` (or TOML `key = "value"`, as hashcards
// writes it); `#` lines are comments and unknown keys are ignored:
//
//	deck: Geography          the deck name (TOML: name = "..."); without it the file stem
//	description: ...
//	tags: europe, capitals   deck tags, separated by commas or spaces
//	source: atlas.md         the document a generated deck was made from
//
// Values may be double-quoted with Go/TOML escapes ("a\nb").
//
// Cards. A card starts with a tag at the very beginning of a line:
//
//	Q: question   A: answer                   basic
//	R: front      A: back                     reversed: two cards, front→back and back→front
//	C: text with [deletions]   (A: extra)     cloze: one card per deletion number
//	M: question   A: right    X: wrong ...    multiple choice, one or more X: lines
//	T: question   A: answer   (A: also ok)    typed answer; further A: lines are accepted too
//
// The text after a tag is trimmed; the lines that follow, blank ones
// included, continue the same side until the next tag, metadata line or
// `---`; each side is trimmed as a whole. Other `Word:` lines are text.
//
// Cloze deletions are hashcards brackets, `[hidden]`, numbered 1, 2, 3… in
// order of appearance, or Anki markup, `{{c1::hidden::hint}}`, where equal
// numbers make one card (a text with Anki markup reads its brackets as plain
// text). `![alt](src)` images and `[label](url)` links are not deletions;
// `\[` and `\]` are literal brackets. Brackets nest inside a deletion. The
// card keeps the text in Anki markup (see cloze.go), which cannot hold a
// deletion containing `}}` or directly followed by `}`: such a text is an
// error that asks for a space between the braces. Deletion numbers run from
// 1 to 9999, and since every card of a cloze note holds the whole text, a
// note whose cards would hold more than 64 MB is refused.
//
// Metadata lines belong to the card above them and end its current side:
//
//	id: capital-fr           explicit ID, unique in the file
//	tags: europe capitals    card tags, separated by spaces or commas
//	source: atlas.md:12-14 1a2b3c4d5e
//	> the quoted passage, one "> " line per line, right after source:
//
// A note that makes several cards lists one ID per card on its id: line,
// in card order: a reversed note front→back first, a cloze note by
// deletion number. Without `id:` a card's ID is derived from the deck name
// and its normalised front (see DeriveID), so an edited front gives a new
// ID, while an id: line keeps it. When a note's derived ID repeats an
// earlier card's, the later note is dropped as a duplicate (ParseReport
// lists them); an explicit ID that repeats is an error.
//
// Between cards: blank lines, a `---` line (optional separator) and
// Markdown headings (`# Section`), which are ignored; inside a side they
// are text. HTML comments `<!-- ... -->` are ignored anywhere, also across
// lines; a line holding only a comment is dropped as if absent. Any other
// text outside a card is an error, as are an A: or X: that belongs to no
// question, a question without its A:, a cloze without deletions and a
// multiple-choice card without X:. Errors name the file and line.
//
// Escapes, which Write uses so that any text reads back unchanged: inside a
// side, a line that would start a card, a metadata line or a `---` separator
// is written with one more leading backslash (`\Q: not a card`), and `<!--`
// is written `<!\--` (again one more backslash each time). The first line
// of a side never needs escaping, because it follows its tag.
//
// Encoding: UTF-8 (one leading BOM is ignored); line ends LF, CRLF or CR.

package deck

import (
	"strconv"
	"strings"
)

// ParseError reports malformed deck text. Msg says what was expected and
// what to do about it.
type ParseError struct {
	File string
	Line int // 1-based; 0 when the error concerns the whole file
	Msg  string
}

// Error formats the error as "file:line: message" (without the line when
// Line is 0), the form editors and terminals turn into links.
func (e *ParseError) Error() string {
	if e.Line <= 0 {
		return e.File + ": " + e.Msg
	}
	return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
}

// Duplicate records a note that Parse dropped because one of its cards has
// the same derived ID as a card earlier in the file.
type Duplicate struct {
	Line      int    // where the dropped note starts
	FirstLine int    // where the card it duplicates starts
	Front     string // the dropped note's front
}

// cardTags are the letters that start a card or a side when followed by ':'
// at the beginning of a line.
const cardTags = "QACRMTX"

// cardTag reports whether line starts with a card or side tag and returns
// the tag letter and the rest of the line.
func cardTag(line string) (byte, string, bool) {
	if len(line) < 2 || line[1] != ':' || strings.IndexByte(cardTags, line[0]) < 0 {
		return 0, "", false
	}
	return line[0], line[2:], true
}

// metaKeys are the metadata line prefixes that end a side.
var metaKeys = [...]string{"id:", "tags:", "source:"}

// metaLine reports whether line is a metadata line and splits it.
func metaLine(line string) (key, value string, ok bool) {
	for _, k := range metaKeys {
		if strings.HasPrefix(line, k) {
			return k[:len(k)-1], strings.TrimSpace(line[len(k):]), true
		}
	}
	return "", "", false
}

// isSeparator reports whether line is a card separator: only "---",
// optionally followed by blanks.
func isSeparator(line string) bool {
	return strings.TrimRight(line, " \t") == "---"
}

// isStructural reports whether a line inside a side would be read as
// something other than text.
func isStructural(line string) bool {
	if _, _, ok := cardTag(line); ok {
		return true
	}
	if _, _, ok := metaLine(line); ok {
		return true
	}
	return isSeparator(line)
}

// escapeLine protects a continuation line of a side: a line that is
// structural once its leading backslashes are removed gets one more.
func escapeLine(line string) string {
	if isStructural(strings.TrimLeft(line, `\`)) {
		return `\` + line
	}
	return line
}

// unescapeLine undoes escapeLine.
func unescapeLine(line string) string {
	if strings.HasPrefix(line, `\`) && isStructural(strings.TrimLeft(line, `\`)) {
		return line[1:]
	}
	return line
}

// escapeComments inserts a backslash after every "<!" that is followed by
// backslashes and "--", so that written text never opens an HTML comment.
func escapeComments(s string) string {
	if !strings.Contains(s, "<!") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "<!")
		if i < 0 {
			break
		}
		j := i + 2
		for j < len(s) && s[j] == '\\' {
			j++
		}
		b.WriteString(s[:i+2])
		if strings.HasPrefix(s[j:], "--") {
			b.WriteByte('\\')
		}
		s = s[i+2:]
	}
	b.WriteString(s)
	return b.String()
}

// unescapeComments undoes escapeComments: "<!" followed by one or more
// backslashes and "--" loses one backslash.
func unescapeComments(s string) string {
	if !strings.Contains(s, `<!\`) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, `<!\`)
		if i < 0 {
			break
		}
		j := i + 2
		for j < len(s) && s[j] == '\\' {
			j++
		}
		b.WriteString(s[:i+2])
		if strings.HasPrefix(s[j:], "--") {
			s = s[i+3:]
		} else {
			s = s[i+2:]
		}
	}
	b.WriteString(s)
	return b.String()
}
