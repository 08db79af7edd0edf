package generate

import (
	"regexp"
	"strings"
)

const monthNames = `January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?`

var (
	// "September 2023", "4 July 1776", "July 4, 1776", "May 2024".
	reDate = regexp.MustCompile(`\b(?:\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:` + monthNames + `),? \d{3,4}|(?:` + monthNames + `) \d{1,2}(?:st|nd|rd|th)?(?:,? \d{3,4})?|(?:` + monthNames + `),? \d{3,4}|\d{4}-\d{2}-\d{2})\b`)
	// Years and decades: "in 2024", "the 1990s", "3000 BC".
	reYear = regexp.MustCompile(`\b(?:(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})s?(?: (?:BC|BCE|AD|CE)\b)?|\d{1,4} (?:BC|BCE|AD|CE)\b)`)
	// Quantities: "3.5 million", "40%", "$12 billion", "1,280 metres".
	reQuantity = regexp.MustCompile(`(?:[$€£¥]\s?)?\b\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent|per cent)|(?: (?:million|billion|trillion|thousand|hundred))+|(?:\s?(?:km|kilometres|kilometers|miles|metres|meters|m|cm|mm|nm|kg|g|mg|tonnes|tons|lb|pounds|ounces|litres|liters|ml|feet|ft|inches|°C|°F|degrees|years|months|weeks|days|hours|minutes|seconds|ms|µs|ns|KB|MB|GB|TB|kB|KiB|MiB|GiB|TiB|bytes|bits|Hz|kHz|MHz|GHz|W|kW|MW|GW|V|volts|watts|calories|kcal|people|inhabitants|residents|employees|members|species|countries|languages|times|hour|minute|second|day|week|month|year|metre|meter|mile|kilometre|kilometer)\b))`)
	// Ranges: "100 to 120 compressions", "5-6 cm", "between 1 and 127".
	reRange = regexp.MustCompile(`\b\d[\d,]*(?:\.\d+)?(?: to | and |-)\d[\d,]*(?:\.\d+)?(?:\s?(?:%|km|m|cm|mm|kg|g|metres|meters|miles|feet|years|months|weeks|days|hours|minutes|seconds|percent))?\b`)
	// Bare numbers and versions: "Go 1.22", "512".
	reNumber = regexp.MustCompile(`\b\d+(?:[.,]\d+)*\b`)
	// Quoted terms of one to six words.
	reQuoted = regexp.MustCompile(`"([^"]{2,80})"`)
	// Words that introduce examples.
	reExamples = regexp.MustCompile(`\b(?:such as|including|especially|particularly|notably|e\.g\.,?|for example,?|for instance,?|namely,?) `)
)

// reIdent matches identifiers in prose: "sync.Mutex", "io.Writer",
// "maxRetries", "max_retries", "open()", "--verbose".
var reIdent = regexp.MustCompile(`(?:\b[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+(?:\(\))?|\b[a-z]+[A-Z][A-Za-z0-9]*\b|\b[a-z0-9]+_[a-z0-9_]+\b|\b[A-Za-z_]\w*\(\)|(?:^|\s)--?[a-z][a-z0-9-]+)`)

// identSpans finds identifiers named in prose.
func identSpans(s string) []cspan {
	var out []cspan
	if !mayHoldIdent(s) {
		return nil
	}
	for _, m := range reIdent.FindAllStringIndex(s, -1) {
		start := m[0]
		for start < m[1] && s[start] == ' ' {
			start++
		}
		id := s[start:m[1]]
		if abbreviations[strings.ToLower(strings.TrimSuffix(id, "."))] || strings.Count(id, ".") == 1 && len(id) <= 4 {
			continue
		}
		out = append(out, cspan{start: start, end: m[1], kind: "code", score: 4})
	}
	return out
}

// mayHoldIdent is a quick test before reIdent: a dot or underscore inside a
// word, "()", a word starting with a dash, or a capital inside a word.
func mayHoldIdent(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		c, next, prev := s[i], s[i+1], s[i-1]
		switch {
		case c == '.' && isLetterByte(next) && isLetterByte(prev), c == '_',
			c == '(' && next == ')',
			c == '-' && prev == ' ' && (isLetterByte(next) || next == '-'),
			c >= 'A' && c <= 'Z' && prev >= 'a' && prev <= 'z':
			return true
		}
	}
	return false
}

// mayHoldMonth is a quick test before reDate: a month's abbreviation or an
// ISO date's dash between digits.
func mayHoldMonth(s string) bool {
	for _, m := range []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '-' && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool { return strings.IndexAny(s, "0123456789") >= 0 }

// dateSpans finds dates and years.
func dateSpans(s string) []cspan {
	var out []cspan
	if !hasDigit(s) {
		return nil
	}
	if mayHoldMonth(s) {
		for _, m := range reDate.FindAllStringIndex(s, -1) {
			out = append(out, cspan{start: m[0], end: m[1], kind: "date", score: 6})
		}
	}
	for _, m := range reYear.FindAllStringIndex(s, -1) {
		c := cspan{start: m[0], end: m[1], kind: "date", score: 5.5}
		if overlapsAny(out, c) || partOfNumber(s, m[0], m[1]) {
			continue
		}
		// "1500 people" is a count, not a year.
		if next := nextWord(s, m[1]); strings.HasSuffix(next, "s") && !isCapitalized(next) && next != "work" {
			continue
		}
		out = append(out, c)
	}
	return out
}

// partOfNumber reports digits that belong to a longer number ("1,2024.5").
func partOfNumber(s string, start, end int) bool {
	if start > 0 && strings.IndexByte(".,-/:", s[start-1]) >= 0 && start > 1 && isDigit(s[start-2]) {
		return true
	}
	if end+1 < len(s) && strings.IndexByte(".,:/", s[end]) >= 0 && isDigit(s[end+1]) {
		return true
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func nextWord(s string, off int) string {
	rest := strings.TrimLeft(s[off:], " ")
	if k := strings.IndexAny(rest, " ,.;:!?)"); k >= 0 {
		rest = rest[:k]
	}
	return rest
}

// numberSpans finds quantities and notable numbers. Small bare numbers
// ("2 steps") are not worth a card.
func numberSpans(s string, taken []cspan) []cspan {
	var out []cspan
	if !hasDigit(s) {
		return nil
	}
	for _, m := range reRange.FindAllStringIndex(s, -1) {
		c := cspan{start: m[0], end: m[1], kind: "number", score: 5.2}
		if !overlapsAny(taken, c) {
			out = append(out, c)
		}
	}
	for _, m := range reQuantity.FindAllStringIndex(s, -1) {
		c := cspan{start: m[0], end: m[1], kind: "number", score: 5}
		if !overlapsAny(taken, c) && !overlapsAny(out, c) {
			out = append(out, c)
		}
	}
	for _, m := range reNumber.FindAllStringIndex(s, -1) {
		c := cspan{start: m[0], end: m[1], kind: "number", score: 4}
		num := s[m[0]:m[1]]
		if overlapsAny(taken, c) || overlapsAny(out, c) {
			continue
		}
		if len(strings.Trim(num, "0123456789")) == 0 && len(num) < 2 {
			continue
		}
		// Part of a word ("6G", "H2O") or an identifier: leave it.
		if m[1] < len(s) && isLetterByte(s[m[1]]) || m[0] > 0 && isLetterByte(s[m[0]-1]) {
			continue
		}
		out = append(out, c)
	}
	return out
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func overlapsAny(list []cspan, c cspan) bool {
	for _, o := range list {
		if o.overlaps(c) {
			return true
		}
	}
	return false
}

// quotedSpans finds short quoted terms; the quotes stay outside the
// deletion.
func quotedSpans(s string) []cspan {
	var out []cspan
	if strings.Count(s, `"`) < 2 {
		return nil
	}
	for _, m := range reQuoted.FindAllStringSubmatchIndex(s, -1) {
		inner := s[m[2]:m[3]]
		if n := wordCount(inner); n == 0 || n > 6 || strings.TrimSpace(inner) != inner {
			continue
		}
		out = append(out, cspan{start: m[2], end: m[3], kind: "quoted", score: 3.5})
	}
	return out
}

// exampleSpans finds what follows "such as", "including" and the like, up
// to the end of the clause: the examples a learner should be able to name.
func exampleSpans(s string) []cspan {
	var out []cspan
	if !strings.Contains(s, "such as") && !strings.Contains(s, "includ") && !strings.Contains(s, "ly ") &&
		!strings.Contains(s, "e.g.") && !strings.Contains(s, "for ") && !strings.Contains(s, "namely") {
		return nil
	}
	for _, m := range reExamples.FindAllStringIndex(s, -1) {
		start := m[1]
		rest := s[start:]
		end := len(rest)
		if k := strings.IndexAny(rest, ".;:!?()"); k >= 0 {
			end = k
		}
		// A comma ends the examples unless a list goes on after it.
		for _, stop := range []string{", which", ", who", ", while", ", but", ", and it", ", and the", ", where", " - ", ", as ", ", in ", ", to "} {
			if k := strings.Index(rest[:end], stop); k >= 0 {
				end = k
			}
		}
		seg := strings.TrimRight(rest[:end], " ,")
		open := false
		for _, tail := range []string{" and other ", " and so on", ", etc", " etc"} {
			if i := strings.Index(seg, tail); i > 0 {
				seg, open = seg[:i], true
			}
		}
		seg = strings.TrimSuffix(seg, ",")
		if seg == "" || wordCount(seg) > maxClozeWords || !hasContent(seg) {
			continue
		}
		// Leave the article outside: "such as the seed industry".
		for _, art := range []string{"the ", "a ", "an "} {
			if strings.HasPrefix(seg, art) && wordCount(seg) > 2 {
				seg = seg[len(art):]
				start += len(art)
				break
			}
		}
		out = append(out, cspan{start: start, end: start + len(seg), kind: "examples", score: 6.5, open: open})
	}
	return out
}
