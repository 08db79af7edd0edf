package importer

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"recall/internal/deck"
)

// ankiHeaders are the keys Anki reads in the leading "#key:value" block.
var ankiHeaders = map[string]bool{
	"separator": true, "html": true, "tags": true, "columns": true, "notetype": true, "deck": true,
	"notetype column": true, "deck column": true, "tags column": true, "guid column": true,
	"match scope": true, "if matches": true,
}

// ankiMeta is what the header block of an Anki text file says.
type ankiMeta struct {
	delim                                  rune
	html                                   *bool
	tags                                   []string
	columns                                string // raw, split once the delimiter is known
	notetype                               string
	deck                                   string
	notetypeCol, deckCol, tagsCol, guidCol int // 1-based, 0 = none
}

// parseAnkiHeader reads the leading block of lines starting with "#" (or an
// old "tags:" first line) and returns the text after it and its first line.
func parseAnkiHeader(text string, res *Result) (ankiMeta, string, int) {
	var m ankiMeta
	line := 1
	if strings.HasPrefix(text, "tags:") {
		first, rest, _ := strings.Cut(text, "\n")
		m.tags = strings.Fields(strings.TrimPrefix(first, "tags:"))
		text, line = rest, 2
	}
	for strings.HasPrefix(text, "#") {
		cur, rest, _ := strings.Cut(text, "\n")
		text = rest
		key, value, ok := strings.Cut(cur[1:], ":")
		key = strings.ToLower(strings.TrimSpace(key))
		if ok && ankiHeaders[key] {
			m.set(key, value, line, res)
		}
		line++
	}
	return m, text, line
}

func (m *ankiMeta) set(key, raw string, line int, res *Result) {
	v := strings.TrimSpace(raw)
	switch key {
	case "separator":
		named := map[string]rune{"tab": '\t', "comma": ',', "semicolon": ';', "space": ' ', "pipe": '|', "colon": ':'}
		lower := strings.ToLower(v)
		for name, r := range named {
			// Spreadsheets re-save "#separator:Comma,,": keep the name only.
			if strings.HasPrefix(lower, name) {
				m.delim = r
				return
			}
		}
		if v == "" {
			v = raw // a literal TAB or space
		}
		if r, _ := utf8.DecodeRuneInString(v); r != utf8.RuneError && v != "" {
			m.delim = r
		} else {
			res.warnAt(line, "separator %q not understood; guessing", v)
		}
	case "html":
		b := strings.EqualFold(v, "true")
		m.html = &b
	case "tags":
		m.tags = append(m.tags, strings.Fields(v)...)
	case "columns":
		m.columns = v
	case "notetype":
		m.notetype = v
	case "deck":
		m.deck = v
	case "notetype column", "deck column", "tags column", "guid column":
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			res.warnAt(line, "%s %q is not a column number", key, v)
			return
		}
		switch key {
		case "notetype column":
			m.notetypeCol = n
		case "deck column":
			m.deckCol = n
		case "tags column":
			m.tagsCol = n
		case "guid column":
			m.guidCol = n
		}
	}
}

// readAnkiText reads Anki's plain-text notes format (FORMATS §1).
func readAnkiText(res *Result, text, deckName string, opt Options) error {
	meta, body, startLine := parseAnkiHeader(text, res)
	delim := opt.Delimiter
	if delim == 0 {
		delim = meta.delim
	}
	if delim == 0 {
		if delim, _ = sniffDelimiter(body, startLine); delim == 0 {
			delim = '\t'
		}
	}
	recs, errs := newRecordReader(body, delim, startLine).readAll()
	res.Errors = append(res.Errors, errs...)
	recs = dropBlank(recs)
	warnMergedRows(res, recs, delim)

	// Column names can name the meta columns when no "X column:" says so.
	if meta.columns != "" {
		for i, name := range strings.Split(meta.columns, string(delim)) {
			col := i + 1
			switch strings.ToLower(strings.TrimSpace(name)) {
			case "tags":
				setIfZero(&meta.tagsCol, col)
			case "deck":
				setIfZero(&meta.deckCol, col)
			case "guid":
				setIfZero(&meta.guidCol, col)
			case "notetype":
				setIfZero(&meta.notetypeCol, col)
			}
		}
	}
	html := false
	if meta.html != nil {
		html = *meta.html
	} else {
		html = guessHTML(recs)
	}
	deckFromHeader := meta.deck
	if isAllDigits(deckFromHeader) {
		res.warn("deck id %s has no meaning outside its collection; using %q", deckFromHeader, deckName)
		deckFromHeader = ""
	}
	metaCols := map[int]bool{meta.notetypeCol: true, meta.deckCol: true, meta.tagsCol: true, meta.guidCol: true}
	delete(metaCols, 0)
	sink := newCardSink(res)
	sink.cards = make([]deck.Card, 0, len(recs))
	for _, r := range recs {
		cell := func(col int) string {
			if col < 1 || col > len(r.fields) {
				return ""
			}
			return r.fields[col-1]
		}
		if strings.HasPrefix(r.fields[0], "#") && !r.quoted0 {
			res.warnAt(r.line, "row starts with \"#\"; read as a note (Anki would drop it as a comment)")
		}
		var fields []string
		for i, f := range r.fields {
			if !metaCols[i+1] {
				fields = append(fields, f)
			}
		}
		typeName := pick(cell(meta.notetypeCol), meta.notetype)
		kind, known := kindFromName(typeName)
		if !known && len(fields) > 0 {
			kind = guessKind(fields[0])
		}
		want := 2 // fields of the note type
		if kind == "optional-reversed" {
			want = 3
		}
		need := 2
		if kind == deck.Cloze {
			need = 1
		}
		if len(fields) < need {
			res.fail(r.line, "%d %s, expected %d (%s)", len(fields), plural(len(fields), "field", "fields"), want, fieldNames(kind))
			continue
		}
		if len(fields) > want {
			res.warnAt(r.line, "%d fields, expected %d (%s); the extra ones are ignored", len(fields), want, fieldNames(kind))
		}
		conv := func(s string) string {
			s = stripControls(s)
			if html {
				return htmlToText(s)
			}
			return strings.TrimSpace(s)
		}
		n := note{line: r.line, kind: kind, front: conv(fields[0]), guid: strings.TrimSpace(cell(meta.guidCol))}
		if len(fields) > 1 {
			n.back = conv(fields[1])
		}
		if kind == "optional-reversed" {
			n.kind = deck.Basic
			if len(fields) > 2 && strings.TrimSpace(fields[2]) != "" {
				n.kind = deck.Reversed
			}
		}
		n.tags = append(append([]string(nil), meta.tags...), splitAnkiTags(cell(meta.tagsCol))...)
		if len(n.tags) == 0 {
			n.tags = nil
		}
		n.deck = pick(opt.Deck, pick(strings.TrimSpace(cell(meta.deckCol)), pick(deckFromHeader, deckName)))
		sink.add(n)
	}
	res.Decks = groupDecks(sink.cards)
	return nil
}

func fieldNames(kind deck.Type) string {
	switch kind {
	case deck.Cloze:
		return "text, back extra"
	case "optional-reversed":
		return "front, back, add reverse"
	}
	return "front, back"
}

// guessHTML is Anki's rule: HTML when a field of the first five records has
// a "<" followed later by ">".
func guessHTML(recs []record) bool {
	for i, r := range recs {
		if i == 5 {
			break
		}
		for _, f := range r.fields {
			if lt := strings.IndexByte(f, '<'); lt >= 0 && strings.IndexByte(f[lt:], '>') > 0 {
				return true
			}
		}
	}
	return false
}

// splitAnkiTags splits Anki's space-separated tags (U+3000 too).
func splitAnkiTags(s string) []string {
	tags := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' || r == '\n' })
	if len(tags) == 0 {
		return nil
	}
	return tags
}

func setIfZero(p *int, v int) {
	if *p == 0 {
		*p = v
	}
}

func isAllDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ankiHeaderKey reports whether a first line is an Anki header line, which is
// how detection tells Anki text from a file that merely starts with "#".
func ankiHeaderKey(line string) bool {
	if strings.HasPrefix(line, "tags:") {
		return true
	}
	if !strings.HasPrefix(line, "#") {
		return false
	}
	key, _, ok := strings.Cut(line[1:], ":")
	return ok && ankiHeaders[strings.ToLower(strings.TrimSpace(key))]
}
