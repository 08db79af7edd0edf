package importer

import (
	"fmt"
	"strings"
	"time"

	"recall/internal/deck"
)

// Format names a deck file format.
type Format string

// The formats Read understands. FormatHashcards is read by the native
// Markdown parser, of which hashcards' syntax is a subset.
const (
	FormatMarkdown     Format = "md"
	FormatCSV          Format = "csv"
	FormatTSV          Format = "tsv"
	FormatAnkiText     Format = "anki-text"
	FormatAPKG         Format = "apkg"
	FormatColpkg       Format = "colpkg"
	FormatAnki2        Format = "anki2"
	FormatHashcards    Format = "hashcards"
	FormatObsidian     Format = "obsidian"
	FormatQuizlet      Format = "quizlet"
	FormatMnemosyne    Format = "mnemosyne"
	FormatMnemosyneXML Format = "mnemosyne-xml"
	FormatJSON         Format = "json"
	FormatRevlog       Format = "revlog"
)

// Formats lists every format Read accepts, in the order detection tries them.
var Formats = []Format{
	FormatAPKG, FormatColpkg, FormatAnki2, FormatMnemosyneXML, FormatJSON, FormatRevlog,
	FormatAnkiText, FormatMarkdown, FormatHashcards, FormatObsidian, FormatCSV, FormatTSV,
	FormatQuizlet, FormatMnemosyne,
}

// ParseFormat checks a user-supplied format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown format %q; known formats: %s", s, strings.Join(names, ", "))
}

// Options tune how a file is read. The zero value detects everything.
type Options struct {
	Format Format // "" = detect
	Deck   string // override the deck name ("" = from the file)
	// TermSep and RowSep split Quizlet exports (default TAB and newline).
	// The escapes \t, \n, \r and \\ are understood, so a shell can pass them.
	TermSep, RowSep string
	// Encoding is "" (UTF-8, or UTF-16 with a BOM) or "latin1" (also
	// "iso-8859-1"); "cp1252"/"windows-1252" are accepted too.
	Encoding string
	// Header forces (true) or forbids (false) a CSV header row; nil guesses.
	Header *bool
	// Delimiter forces the CSV field delimiter; 0 sniffs it.
	Delimiter rune
	// WithHistory brings the review history along (apkg, json).
	WithHistory bool
	// MediaDir is where package media is extracted; "" extracts nothing.
	MediaDir string
}

// LineError reports one problem with a line of the input. Line is 0 when no
// line applies (a package note, then named by GUID in Message).
type LineError struct {
	Line    int
	Message string
	// Duplicate marks a row skipped because an earlier one made the same
	// card: its card is in the result all the same.
	Duplicate bool
}

// Error formats the problem as "line N: message".
func (e LineError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Message)
	}
	return e.Message
}

// Review is one graded answer from an imported history.
type Review struct {
	CardID   string
	Time     time.Time
	Rating   int // 1 again, 2 hard, 3 good, 4 easy
	Duration time.Duration
}

// Result is what Read found in one file.
type Result struct {
	Path   string
	Format Format
	// Decks hold the cards; each card's Deck is its deck's name, with an
	// Anki hierarchy kept as "A::B".
	Decks []deck.Deck
	// Reviews is the history (with Options.WithHistory, or a revlog CSV).
	Reviews []Review
	// Skipped lists rows not imported on purpose: duplicates within the
	// file (both lines named), empty fronts.
	Skipped []LineError
	// Errors lists bad rows; the rest of the file is still imported.
	Errors []LineError
	// Warnings are problems that did not stop a row from being imported;
	// Line is 0 for one about the whole file.
	Warnings []LineError
	// Media lists the media files written to Options.MediaDir.
	Media []string
	// Start holds schedules the file keeps without a history (Obsidian's
	// SR comments), by card ID, for the cards the import adds.
	Start map[string]SM2State
}

// SM2State is a card's schedule as an SM-2 tool keeps it.
type SM2State struct {
	Due      time.Time
	Interval int     // days
	Ease     float64 // 2.5 = 250%
}

// Cards returns the cards of every deck in order.
func (r *Result) Cards() []deck.Card {
	n := 0
	for _, d := range r.Decks {
		n += len(d.Cards)
	}
	out := make([]deck.Card, 0, n)
	for _, d := range r.Decks {
		out = append(out, d.Cards...)
	}
	return out
}

func (r *Result) skip(line int, format string, args ...any) {
	r.Skipped = append(r.Skipped, LineError{Line: line, Message: fmt.Sprintf(format, args...)})
}

// skipDuplicate is skip for a row that repeats an earlier row's card.
func (r *Result) skipDuplicate(line int, format string, args ...any) {
	r.Skipped = append(r.Skipped, LineError{Line: line, Message: fmt.Sprintf(format, args...), Duplicate: true})
}

func (r *Result) fail(line int, format string, args ...any) {
	r.Errors = append(r.Errors, LineError{Line: line, Message: fmt.Sprintf(format, args...)})
}

func (r *Result) warn(format string, args ...any) {
	r.warnAt(0, format, args...)
}

func (r *Result) warnAt(line int, format string, args ...any) {
	r.Warnings = append(r.Warnings, LineError{Line: line, Message: fmt.Sprintf(format, args...)})
}
