package importer

import (
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"recall/internal/deck"
)

// readMnemosyneTSV reads Mnemosyne's tab-separated export: one fact per line,
// trailing whitespace removed, blank lines skipped, numeric character
// references decoded. Two fields are question and answer; three are a
// vocabulary fact (word, pronunciation, meaning) and a fourth adds notes.
func readMnemosyneTSV(res *Result, text, deckName string, opt Options) error {
	sink := newCardSink(res)
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		line = strings.TrimRight(line, " \t\v\f\u00a0")
		if line == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		for j := range fields {
			fields[j] = mnemosyneField(fields[j])
		}
		var front, back string
		switch len(fields) {
		case 1:
			res.fail(n, "1 field, expected 2 (question, answer) or 3 (word, pronunciation, meaning)")
			continue
		case 2:
			front, back = fields[0], fields[1]
		default:
			if len(fields) > 4 {
				res.warnAt(n, "%d fields, expected at most 4; the extra ones are ignored", len(fields))
			}
			front = fields[0]
			back = joinNonEmpty("\n", fields[1], fields[2])
			if len(fields) > 3 {
				back = joinNonEmpty("\n\n", back, fields[3])
			}
		}
		sink.add(note{line: n, kind: deck.Basic, deck: pick(opt.Deck, deckName), front: front, back: back})
	}
	res.Decks = groupDecks(sink.cards)
	return nil
}

var numericRef = regexp.MustCompile(`&#(?:[0-9]+|[xX][0-9a-fA-F]+);`)

// mnemosyneField decodes a field: HTML when it has tags, else only the
// numeric character references Mnemosyne's exporter writes.
func mnemosyneField(s string) string {
	if looksLikeHTML(s) {
		return htmlToText(s)
	}
	s = numericRef.ReplaceAllStringFunc(s, func(ref string) string {
		body := ref[2 : len(ref)-1]
		var v uint64
		var err error
		if body[0] == 'x' || body[0] == 'X' {
			v, err = strconv.ParseUint(body[1:], 16, 32)
		} else {
			v, err = strconv.ParseUint(body, 10, 32)
		}
		if err != nil || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) {
			return ref
		}
		return string(rune(v))
	})
	return strings.TrimSpace(s)
}

var htmlTag = regexp.MustCompile(`<(?:[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?|/[a-zA-Z][a-zA-Z0-9]*\s*)>`)

func looksLikeHTML(s string) bool {
	return strings.IndexByte(s, '<') >= 0 && htmlTag.MatchString(s)
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// mnemosyne1 is the root of a Mnemosyne 1.x XML export.
type mnemosyne1 struct {
	XMLName     xml.Name `xml:"mnemosyne"`
	CoreVersion string   `xml:"core_version,attr"`
	Items       []struct {
		ID  string `xml:"id,attr"`
		Cat string `xml:"cat"`
		Q   string `xml:"Q"`
		A   string `xml:"A"`
	} `xml:"item"`
}

// readMnemosyneXML reads a Mnemosyne 1.x XML export. Items keep their ids as
// keys; an item "X.inv" is the reverse of "X", and the two become the sides
// of one reversed note. The category becomes the deck unless a deck name is
// given. Grades and easiness are not imported: there is no review log.
func readMnemosyneXML(res *Result, text, deckName string, opt Options) error {
	var doc mnemosyne1
	dec := xml.NewDecoder(strings.NewReader(text))
	// The text is UTF-8 already, whatever the declaration says.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("reading Mnemosyne XML: %w", err)
	}
	if doc.CoreVersion != "1" {
		return fmt.Errorf("Mnemosyne XML core_version %q, only version 1 is supported", doc.CoreVersion)
	}
	ids := map[string]bool{}
	for _, it := range doc.Items {
		ids[it.ID] = true
	}
	seen := map[string]int{}
	var cards []deck.Card
	for i, it := range doc.Items {
		pos := i + 1
		front, back := htmlToText(it.Q), htmlToText(it.A)
		base, inverse := strings.CutSuffix(it.ID, ".inv")
		if inverse && ids[base] {
			continue // made with its forward item below
		}
		if strings.TrimSpace(front) == "" {
			res.skip(0, "item %d (id %q): empty question", pos, it.ID)
			continue
		}
		d := pick(opt.Deck, it.Cat)
		if d == "" || d == "<default>" {
			d = deckName
		}
		key := it.ID
		if key == "" {
			key = front
		}
		if prev, dup := seen[key]; dup {
			res.skipDuplicate(0, "item %d (id %q): duplicate of item %d", pos, it.ID, prev)
			continue
		}
		seen[key] = pos
		c := deck.Card{ID: keyID("mnemosyne", key, 0), Deck: d, Type: deck.Basic, Front: front, Back: back}
		if ids[it.ID+".inv"] {
			c.Type, c.Ord = deck.Reversed, 1
			rev := c
			rev.Ord, rev.ID = 2, keyID("mnemosyne", key+".inv", 0)
			cards = append(cards, c, rev)
			continue
		}
		cards = append(cards, c)
	}
	res.Decks = groupDecks(cards)
	return nil
}
