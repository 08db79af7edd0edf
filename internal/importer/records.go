package importer

import (
	"fmt"
	"strings"
)

// Caps on one quoted field, so that a stray quote cannot swallow the rest of
// the file into a single card.
const (
	maxFieldBytes = 8 << 20
	maxFieldLines = 1000
)

// record is one row of delimited text.
type record struct {
	line   int // line the record starts on
	fields []string
	// quoted0 says the first field was quoted, so a leading "#" in it is
	// text, not a comment marker.
	quoted0 bool
	// spans describes the quoted fields that run over line breaks (rare, so
	// usually nil), for the stray-quote check.
	spans []quotedSpan
}

// quotedSpan is a quoted field holding line breaks.
type quotedSpan struct {
	open, close int    // lines of the opening and the closing quote
	text        string // the field's text inside the quotes
	trailing    bool   // text other than blanks followed the closing quote
}

// blank reports a record made of one empty field (an empty line).
func (r record) blank() bool {
	return len(r.fields) == 1 && r.fields[0] == ""
}

// recordReader splits LF-normalised text into RFC 4180 records: `"` opens a
// quoted field, `""` inside it is a quote, and delimiters and line breaks
// inside quotes are text. Outside quotes everything is literal, and text after
// a closing quote is kept, which is what spreadsheets mean by it.
type recordReader struct {
	s     string
	pos   int
	line  int
	delim string
	// noQuotes turns quoting off (Quizlet-style plain splitting).
	noQuotes bool
}

func newRecordReader(s string, delim rune, startLine int) *recordReader {
	return &recordReader{s: s, line: startLine, delim: string(delim)}
}

// next returns the next record; ok is false at the end of the text. A record
// whose quoted field never closes (or grows past the caps) comes back as an
// error for its first line, and reading resumes on the line after it.
func (r *recordReader) next() (rec record, lerr *LineError, ok bool) {
	if r.pos >= len(r.s) {
		return record{}, nil, false
	}
	start, startLine := r.pos, r.line
	rec.line = r.line
	var b strings.Builder
	for field := 0; ; field++ {
		quoted := !r.noQuotes && r.pos < len(r.s) && r.s[r.pos] == '"'
		if field == 0 {
			rec.quoted0 = quoted
		}
		if !quoted {
			// The common case: the field is a slice of the text, no copy.
			f, end := r.readPlain()
			rec.fields = append(rec.fields, f)
			if end {
				return rec, nil, true
			}
			continue
		}
		b.Reset()
		openLine := r.line
		if msg := r.readQuoted(&b); msg != "" {
			r.skipLine(start, startLine)
			return record{}, &LineError{Line: startLine, Message: msg}, true
		}
		closeLine := r.line
		inside := b.Len()
		rest, end := r.readPlain()
		b.WriteString(rest)
		f := b.String()
		if closeLine > openLine {
			rec.spans = append(rec.spans, quotedSpan{open: openLine, close: closeLine, text: f[:inside],
				trailing: strings.TrimSpace(rest) != ""})
		}
		rec.fields = append(rec.fields, f)
		if end {
			return rec, nil, true
		}
	}
}

// readQuoted consumes a quoted field after its opening quote.
func (r *recordReader) readQuoted(b *strings.Builder) string {
	openLine := r.line
	r.pos++ // opening quote
	for {
		i := strings.IndexByte(r.s[r.pos:], '"')
		if i < 0 {
			return fmt.Sprintf("quoted field opened on line %d is never closed; the line was skipped", openLine)
		}
		chunk := r.s[r.pos : r.pos+i]
		r.line += strings.Count(chunk, "\n")
		b.WriteString(chunk)
		r.pos += i + 1
		if b.Len() > maxFieldBytes || r.line-openLine > maxFieldLines {
			return fmt.Sprintf("quoted field opened on line %d runs over %d lines or %d MiB (a stray quote?); the line was skipped", openLine, maxFieldLines, maxFieldBytes>>20)
		}
		if r.pos < len(r.s) && r.s[r.pos] == '"' {
			b.WriteByte('"')
			r.pos++
			continue
		}
		return ""
	}
}

// readPlain consumes unquoted text up to the next delimiter (end false) or
// the end of the line or text (end true).
func (r *recordReader) readPlain() (field string, end bool) {
	d0 := r.delim[0]
	start := r.pos
	for i := r.pos; i < len(r.s); i++ {
		c := r.s[i]
		if c == '\n' {
			r.pos = i + 1
			r.line++
			return r.s[start:i], true
		}
		if c == d0 && strings.HasPrefix(r.s[i:], r.delim) {
			r.pos = i + len(r.delim)
			return r.s[start:i], false
		}
	}
	r.pos = len(r.s)
	return r.s[start:], true
}

// skipLine moves past the first line of a failed record.
func (r *recordReader) skipLine(start, startLine int) {
	r.line = startLine + 1
	if i := strings.IndexByte(r.s[start:], '\n'); i >= 0 {
		r.pos = start + i + 1
	} else {
		r.pos = len(r.s)
	}
}

// readAll reads every record, collecting errors.
func (r *recordReader) readAll() ([]record, []LineError) {
	var recs []record
	var errs []LineError
	for {
		rec, lerr, ok := r.next()
		if !ok {
			return recs, errs
		}
		if lerr != nil {
			errs = append(errs, *lerr)
			continue
		}
		recs = append(recs, rec)
	}
}

// mergeWarnLines is how many lines a quoted field may span before it is
// reported as a probable stray quote even when its lines look like prose.
const mergeWarnLines = 100

// warnMergedRows reports quoted fields that most likely began at a stray
// quote and swallowed the rows after it: the import goes on (the field may be
// meant), but the user learns where to look. A field is suspect when it
// spans more than mergeWarnLines lines, or when the lines it swallowed look
// like rows of the file (see looksLikeRow): three or more of them making
// up at least half its lines, or any one of them followed by text after the
// closing quote, which a real closing quote never has. Multi-line answers
// (verse, lists, code) seldom split into exactly a row's fields with a front
// and a back line after line, so they pass.
func warnMergedRows(res *Result, recs []record, delim rune) {
	width := 0
	for _, r := range recs {
		if r.spans != nil {
			width = modeWidth(recs)
			break
		}
	}
	if width < 2 {
		width = 2
	}
	d := string(delim)
	for _, r := range recs {
		for _, sp := range r.spans {
			lines := strings.Split(sp.text, "\n")[1:]
			rowLike, nonBlank := 0, 0
			for _, l := range lines {
				if strings.TrimSpace(l) == "" {
					continue
				}
				nonBlank++
				if looksLikeRow(l, d, width) {
					rowLike++
				}
			}
			spanned := sp.close - sp.open + 1
			if spanned <= mergeWarnLines && !(rowLike >= 3 && 2*rowLike >= nonBlank) && !(rowLike >= 1 && sp.trailing) {
				continue
			}
			what := fmt.Sprintf("runs over %d lines to line %d", spanned, sp.close)
			if rowLike > 0 {
				what = fmt.Sprintf("runs to line %d and takes in %d %s", sp.close, rowLike,
					plural(rowLike, "line that looks like a row of its own", "lines that look like rows of their own"))
			}
			res.warnAt(sp.open, "the quoted field opened on this line %s, all read as one card;"+
				" if a stray quote (\") opened it, double that quote (\"\") or remove it, and import again", what)
		}
	}
}

// looksLikeRow reports a line that splits at d into exactly width fields
// whose first two, front and back, hold text, the first not indented (an
// indented line is code or a continued list, not a row).
func looksLikeRow(line, d string, width int) bool {
	if strings.Count(line, d) != width-1 {
		return false
	}
	cells := strings.SplitN(line, d, 3)
	return strings.TrimSpace(cells[0]) != "" && strings.TrimLeft(cells[0], " \t") == cells[0] &&
		strings.TrimSpace(cells[1]) != ""
}
