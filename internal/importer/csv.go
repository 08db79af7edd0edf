package importer

import (
	"fmt"
	"strings"

	"recall/internal/deck"
)

// columnMap says which field of a row holds what; -1 when absent.
type columnMap struct {
	front, back, tags, deck, guid, id, extra, kind int
	width                                          int // columns the map knows about
}

func positionalColumns(width int) columnMap {
	m := columnMap{front: 0, back: 1, tags: -1, deck: -1, guid: -1, id: -1, extra: -1, kind: -1, width: max(width, 2)}
	if width >= 3 {
		m.tags = 2
	}
	return m
}

// headerColumns maps header cells to columns; unknown names are reported.
func headerColumns(h record, res *Result) (columnMap, error) {
	m := columnMap{front: -1, back: -1, tags: -1, deck: -1, guid: -1, id: -1, extra: -1, kind: -1, width: len(h.fields)}
	for i, c := range h.fields {
		var slot *int
		switch knownColumns[strings.ToLower(strings.TrimSpace(c))] {
		case "front":
			slot = &m.front
		case "back":
			slot = &m.back
		case "tags":
			slot = &m.tags
		case "deck":
			slot = &m.deck
		case "guid":
			slot = &m.guid
		case "id":
			slot = &m.id
		case "extra":
			slot = &m.extra
		case "type":
			slot = &m.kind
		}
		if slot == nil || *slot >= 0 {
			res.warnAt(h.line, "column %d (%q) is not used", i+1, c)
			continue
		}
		*slot = i
	}
	// A header of unknown names still leaves the first two columns as the
	// two sides, the usual layout.
	if m.front < 0 && !m.used(0) {
		m.front = 0
	}
	if m.back < 0 && len(h.fields) > 1 && !m.used(1) {
		m.back = 1
	}
	if m.front < 0 {
		return m, fmt.Errorf("no column for the front of the cards (header: %s)", strings.Join(h.fields, ", "))
	}
	return m, nil
}

func (m columnMap) used(i int) bool {
	for _, j := range []int{m.front, m.back, m.tags, m.deck, m.guid, m.id, m.extra, m.kind} {
		if j == i {
			return true
		}
	}
	return false
}

// readCSV reads generic delimited text (FORMATS §3.7).
func readCSV(res *Result, text, deckName string, opt Options) error {
	startLine := 1
	// A leading block of "#" lines is comments (Anki's convention).
	for strings.HasPrefix(text, "#") {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			text = ""
			break
		}
		text = text[i+1:]
		startLine++
	}
	delim := opt.Delimiter
	if delim == 0 && res.Format == FormatTSV {
		delim = '\t'
	}
	if delim == 0 {
		delim, _ = sniffDelimiter(text, startLine)
		if delim == 0 {
			return fmt.Errorf("no delimiter found: no TAB, comma, semicolon or pipe splits the rows into two or more fields; pass --delimiter or --format")
		}
	}
	recs, errs := newRecordReader(text, delim, startLine).readAll()
	res.Errors = append(res.Errors, errs...)
	recs = dropBlank(recs)
	warnMergedRows(res, recs, delim)
	if len(recs) == 0 {
		res.warn("no rows")
		return nil
	}
	header := false
	if opt.Header != nil {
		header = *opt.Header
	} else {
		header = isHeader(recs[0], recs[1:])
	}
	var cols columnMap
	if header {
		var err error
		if cols, err = headerColumns(recs[0], res); err != nil {
			return err
		}
		recs = recs[1:]
	} else {
		cols = positionalColumns(modeWidth(recs))
		if cols.width > 3 {
			res.warn("rows have %d fields; only the first three (front, back, tags) are used", cols.width)
		}
	}
	sink := newCardSink(res)
	sink.cards = make([]deck.Card, 0, len(recs))
	for _, r := range recs {
		n, ok := cols.note(r, res)
		if !ok {
			continue
		}
		if opt.Deck != "" || n.deck == "" {
			n.deck = pick(opt.Deck, deckName)
		}
		sink.add(n)
	}
	res.Decks = groupDecks(sink.cards)
	return nil
}

// note turns a row into a note, reporting rows too short for front and back
// and warning about extra fields.
func (m columnMap) note(r record, res *Result) (note, bool) {
	get := func(i int) string {
		if i < 0 || i >= len(r.fields) {
			return ""
		}
		return strings.TrimSpace(r.fields[i])
	}
	if strings.HasPrefix(r.fields[0], "#") && !r.quoted0 {
		res.warnAt(r.line, "row starts with \"#\"; read as a card (Anki would drop it as a comment)")
	}
	need := max(m.front, m.back) + 1
	if len(r.fields) < need {
		res.fail(r.line, "%d %s, expected %d (%s)", len(r.fields), plural(len(r.fields), "field", "fields"), m.width, m.describe())
		return note{}, false
	}
	if len(r.fields) > m.width {
		res.warnAt(r.line, "%d fields, expected %d (%s); the extra ones are ignored", len(r.fields), m.width, m.describe())
	}
	n := note{line: r.line, front: get(m.front), back: get(m.back), tags: splitTags(get(m.tags)),
		deck: get(m.deck), guid: get(m.guid), id: get(m.id)}
	extra := get(m.extra)
	if kind, ok := kindFromName(get(m.kind)); ok && kind != "optional-reversed" {
		n.kind = kind
	} else {
		n.kind = guessKind(n.front)
	}
	if extra != "" {
		if n.kind == deck.Cloze && n.back == "" {
			n.back = extra
		} else {
			n.back = strings.TrimSpace(n.back + "\n\n" + extra)
		}
	}
	return n, true
}

func (m columnMap) describe() string {
	names := make([]string, m.width)
	for i := range names {
		names[i] = "?"
	}
	set := func(i int, s string) {
		if i >= 0 && i < len(names) {
			names[i] = s
		}
	}
	set(m.front, "front")
	set(m.back, "back")
	set(m.tags, "tags")
	set(m.deck, "deck")
	set(m.guid, "guid")
	set(m.id, "id")
	set(m.extra, "extra")
	set(m.kind, "type")
	return strings.Join(names, ", ")
}

func dropBlank(recs []record) []record {
	out := recs[:0]
	for _, r := range recs {
		if !r.blank() {
			out = append(out, r)
		}
	}
	return out
}

// modeWidth is the most common field count of the first records.
func modeWidth(recs []record) int {
	counts := map[int]int{}
	for i, r := range recs {
		if i == sniffRecords {
			break
		}
		counts[len(r.fields)]++
	}
	mode, modeN := 2, 0
	for c, k := range counts {
		if k > modeN || (k == modeN && c < mode) {
			mode, modeN = c, k
		}
	}
	return mode
}

func pick(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
