package deck

import (
	"strconv"
	"strings"
)

// maxCloze bounds deletion numbers. Anki's own numbers rarely pass a few
// dozen; the bound keeps a typo like {{c12345678901::x}} from making a card
// with a meaningless ordinal.
const maxCloze = 9999

// maxClozeBytes bounds the text a cloze note puts into its cards: each
// deletion makes a card holding the whole text, so a long text with many
// deletions would take memory and time quadratic in the file size.
const maxClozeBytes = 64 << 20

// clozeText turns the text of a C: side into canonical cloze markup. Text
// that already holds {{cN::...}} markup is kept as it is (its brackets are
// plain text); otherwise each hashcards [deletion] becomes {{cN::...}} with
// N counting from 1. On failure it returns the byte offset in text that
// the message is about.
func clozeText(text string) (front string, pos int, msg string) {
	if ds := Deletions(text); len(ds) > 0 {
		for _, d := range ds {
			digits := 0
			for k := d.Start + 3; k < len(text) && '0' <= text[k] && text[k] <= '9'; k++ {
				digits++
			}
			if d.N < 1 || digits > len(strconv.Itoa(maxCloze)) {
				return "", d.Start, "cloze number in " + text[d.Start:d.Start+3+digits] + " must be between 1 and " + strconv.Itoa(maxCloze)
			}
		}
		return text, 0, ""
	}
	return bracketsToMarkup(text)
}

// bracketsToMarkup converts hashcards deletions. `![alt](src)` images and
// `[label](url)` links stay as they are; `\[` and `\]` are literal brackets;
// brackets inside a deletion must balance and stay part of its text.
func bracketsToMarkup(text string) (front string, pos int, msg string) {
	type span struct {
		src        int // offset of '[' in text
		start, end int // offsets of the markup in front
		text       string
	}
	var (
		b     strings.Builder
		spans []span
	)
	b.Grow(len(text) + 16)
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\\' && i+1 < len(text) && (text[i+1] == '[' || text[i+1] == ']'):
			b.WriteByte(text[i+1])
			i += 2
		case c == '!' && i+1 < len(text) && text[i+1] == '[':
			j := closeBracket(text, i+1)
			if j < 0 {
				return "", i + 1, unclosedMsg
			}
			b.WriteString(text[i : j+1])
			i = j + 1
		case c == '[':
			j := closeBracket(text, i)
			if j < 0 {
				return "", i, unclosedMsg
			}
			if j+1 < len(text) && text[j+1] == '(' {
				b.WriteString(text[i : j+1]) // a link, not a deletion
				i = j + 1
				break
			}
			inner := unescapeBrackets(text[i+1 : j])
			if strings.TrimSpace(inner) == "" {
				return "", i, "empty cloze deletion " + text[i:j+1] + "; put the hidden text inside, or write \\[ \\] for literal brackets"
			}
			if len(spans) == maxCloze {
				return "", i, "more than " + strconv.Itoa(maxCloze) + " cloze deletions; split the text into several cards"
			}
			n := len(spans) + 1
			start := b.Len()
			b.WriteString("{{c")
			b.WriteString(strconv.Itoa(n))
			b.WriteString("::")
			b.WriteString(inner)
			if strings.Contains(inner, "::") {
				// An empty hint keeps a "::" in the text from being read as
				// the hint separator, which is the last "::".
				b.WriteString("::")
			}
			b.WriteString("}}")
			spans = append(spans, span{src: i, start: start, end: b.Len(), text: inner})
			i = j + 1
		default:
			b.WriteByte(c)
			i++
		}
	}
	if len(spans) == 0 {
		return "", 0, "cloze has no deletion; mark the hidden text as [text] or {{c1::text}}"
	}
	front = b.String()
	// The canonical markup cannot hold every text (a deletion containing
	// "}}", or one followed by "}"); check that it reads back as intended.
	ds := Deletions(front)
	for k, sp := range spans {
		if k >= len(ds) || ds[k].N != k+1 || ds[k].Text != sp.text || ds[k].Hint != "" ||
			ds[k].Start != sp.start || ds[k].End != sp.end {
			return "", sp.src, "cloze deletion " + strconv.Itoa(k+1) + " cannot be stored: braces }} or {{c in or right after it clash with cloze markup; put a space between the braces"
		}
	}
	if len(ds) != len(spans) {
		return "", spans[len(spans)-1].src, "text after the last cloze deletion contains {{c...}} markup; write the deletions as {{cN::text}} instead"
	}
	return front, 0, ""
}

const unclosedMsg = "unclosed [ in cloze text; close it with ] or write \\[ for a literal bracket"

// closeBracket returns the offset of the ']' matching the '[' at open,
// skipping escaped brackets, or -1.
func closeBracket(s string, open int) int {
	depth := 0
	for k := open; k < len(s); k++ {
		switch s[k] {
		case '\\':
			if k+1 < len(s) && (s[k+1] == '[' || s[k+1] == ']') {
				k++
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

func unescapeBrackets(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return strings.NewReplacer(`\[`, "[", `\]`, "]").Replace(s)
}

// markupToBrackets returns the hashcards form of a canonical cloze front,
// or "" when the front needs Anki markup: hints, numbers out of order or
// shared, or text that would read back differently. Plain brackets are
// tried before escaped ones so that images and links stay readable.
func markupToBrackets(front string) string {
	ds := Deletions(front)
	if len(ds) == 0 {
		return ""
	}
	for k, d := range ds {
		if d.N != k+1 || d.Hint != "" {
			return ""
		}
	}
	esc := strings.NewReplacer("[", `\[`, "]", `\]`)
	for _, quote := range []func(string) string{
		func(s string) string { return s },
		esc.Replace,
	} {
		var b strings.Builder
		last := 0
		for _, d := range ds {
			b.WriteString(quote(front[last:d.Start]))
			b.WriteByte('[')
			b.WriteString(quote(d.Text))
			b.WriteByte(']')
			last = d.End
		}
		b.WriteString(quote(front[last:]))
		cand := b.String()
		if got, _, msg := clozeText(cand); msg == "" && got == front {
			return cand
		}
	}
	return ""
}
