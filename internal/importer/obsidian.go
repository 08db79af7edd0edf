package importer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"recall/internal/deck"
)

// Obsidian Spaced Repetition syntax (FORMATS §3.2), default settings.
var (
	srComment   = regexp.MustCompile(`<!--SR:[^>]*-->`)
	htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)
	deckTag     = regexp.MustCompile(`(?i)(^|\s)#(flashcards(?:/[^\s#]+)*)`)
	onlyTags    = regexp.MustCompile(`^(\s*#[^\s#]+)+\s*$`)
	obsCloze    = regexp.MustCompile(`==([^=\n]+?)==(?:\^\[([^\]\n]*)\]|\[\^([^\]\n]+)\])?`)
	listMarker  = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+`)
)

// readObsidian reads notes written for the Obsidian Spaced Repetition plugin:
// `front::back` and `front:::back` lines, multi-line cards split by a line of
// `?` or `??`, and ==highlight== clozes. Decks come from #flashcards tags
// ("#flashcards/lang/fr" → "flashcards::lang::fr"); a tag alone applies to the
// cards after it, a tag at the start of a card's first line to that card.
// Scheduling comments (<!--SR:!2024-08-16,51,230-->: due date, interval,
// ease per card of the note) are kept as the cards' starting schedule.
func readObsidian(res *Result, text, deckName string, opt Options) error {
	lines := strings.Split(text, "\n")
	start := 0
	current := ""
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				front := strings.Join(lines[1:i], "\n")
				if m := regexp.MustCompile(`(?i)\b(flashcards(?:/[^\s,\]"']+)*)`).FindStringSubmatch(front); m != nil {
					current = tagDeck(m[1])
				}
				start = i + 1
				break
			}
		}
	}
	if current == "" {
		// Cards before the first tag belong to the note's first deck tag.
		if m := deckTag.FindStringSubmatch(text); m != nil {
			current = tagDeck(m[2])
		}
	}
	sink := newCardSink(res)
	add := func(n note) {
		if opt.Deck != "" {
			n.deck = opt.Deck
		} else if n.deck == "" {
			n.deck = pick(current, deckName)
		}
		sink.add(n)
	}
	var para []string
	paraLine := 0
	inFence := ""
	flush := func() {
		if len(para) > 0 {
			obsidianParagraph(para, paraLine, &current, add)
		}
		para, paraLine = nil, 0
	}
	for i := start; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		if inFence != "" {
			para = append(para, l)
			if strings.HasPrefix(t, inFence) {
				inFence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = t[:3]
		}
		if t == "" {
			flush()
			continue
		}
		if len(para) == 0 {
			paraLine = i + 1
		}
		para = append(para, l)
	}
	flush()
	res.Decks = groupDecks(sink.cards)
	return nil
}

// srGroup is one card's schedule in an SR comment: !due,interval,ease.
var srGroup = regexp.MustCompile(`!(\d{4}-\d{2}-\d{2}),(\d+),(\d+)`)

// parseSR reads the schedules of the SR comments on a line, in order. A
// group that makes no sense (an ease under 130%, no interval) is kept as
// nil, so that the groups after it still go to their own cards, and its
// card starts new.
func parseSR(line string) []*SM2State {
	var out []*SM2State
	for _, c := range srComment.FindAllString(line, -1) {
		for _, m := range srGroup.FindAllStringSubmatch(c, -1) {
			due, err := time.ParseInLocation("2006-01-02", m[1], time.Local)
			ivl, ierr := strconv.Atoi(m[2])
			ease, eerr := strconv.Atoi(m[3])
			if err != nil || ierr != nil || eerr != nil || ivl < 1 || ease < 130 {
				out = append(out, nil)
				continue
			}
			out = append(out, &SM2State{Due: due, Interval: ivl, Ease: float64(ease) / 100})
		}
	}
	return out
}

func tagDeck(tag string) string {
	return strings.ReplaceAll(strings.Trim(tag, "/"), "/", "::")
}

// obsidianParagraph finds the cards of one blank-line-separated block.
func obsidianParagraph(para []string, firstLine int, current *string, add func(note)) {
	// Drop scheduling and other comments, and lines of tags only (which set
	// the deck for what follows).
	var lines []string
	var nums []int
	// srAt is the schedule written on each kept line or on the comment
	// lines right after it.
	var srAt [][]*SM2State
	for i, raw := range para {
		sr := parseSR(raw)
		l := htmlComment.ReplaceAllString(srComment.ReplaceAllString(raw, ""), "")
		if onlyTags.MatchString(l) {
			if m := deckTag.FindStringSubmatch(l); m != nil {
				*current = tagDeck(m[2])
			}
			continue
		}
		if strings.TrimSpace(l) == "" && strings.TrimSpace(raw) != "" {
			// A line that held only a comment.
			if n := len(srAt); n > 0 {
				srAt[n-1] = append(srAt[n-1], sr...)
			}
			continue
		}
		lines = append(lines, strings.TrimRight(l, " \t"))
		nums = append(nums, firstLine+i)
		srAt = append(srAt, sr)
	}
	if len(lines) == 0 {
		return
	}
	allSR := slices.Concat(srAt...)
	// A tag opening the card's first line is that card's deck.
	cardDeck := ""
	if m := deckTag.FindStringSubmatchIndex(lines[0]); m != nil && strings.TrimSpace(lines[0][:m[4]-1]) == "" {
		cardDeck = tagDeck(lines[0][m[4]:m[5]])
		lines[0] = strings.TrimSpace(lines[0][m[5]:])
	}
	fenced := fencedLines(lines)
	for i, l := range lines {
		if fenced[i] {
			continue
		}
		if t := strings.TrimSpace(l); t == "?" || t == "??" {
			kind := deck.Basic
			if t == "??" {
				kind = deck.Reversed
			}
			add(note{line: nums[0], kind: kind, deck: cardDeck, sr: allSR,
				front: strings.TrimSpace(strings.Join(lines[:i], "\n")),
				back:  strings.TrimSpace(strings.Join(lines[i+1:], "\n"))})
			return
		}
	}
	single := false
	for i, l := range lines {
		if fenced[i] {
			continue
		}
		masked := maskInlineCode(l)
		sep, kind := "::", deck.Basic
		j := strings.Index(masked, ":::")
		if j >= 0 {
			sep, kind = ":::", deck.Reversed
		} else {
			j = strings.Index(masked, "::")
		}
		if j < 0 {
			continue
		}
		single = true
		front := strings.TrimSpace(listMarker.ReplaceAllString(l[:j], ""))
		d := cardDeck
		if i > 0 {
			d = ""
			if m := deckTag.FindStringSubmatchIndex(front); m != nil && strings.TrimSpace(front[:m[4]-1]) == "" {
				d = tagDeck(front[m[4]:m[5]])
				front = strings.TrimSpace(front[m[5]:])
			}
		}
		add(note{line: nums[i], kind: kind, deck: d, front: front, back: strings.TrimSpace(l[j+len(sep):]), sr: srAt[i]})
	}
	if single {
		return
	}
	for i := range lines {
		if fenced[i] {
			return // a code block is not a cloze
		}
	}
	text := strings.Join(lines, "\n")
	if cloze, ok := obsidianCloze(text); ok {
		add(note{line: nums[0], kind: deck.Cloze, deck: cardDeck, front: cloze, sr: allSR})
	}
}

// obsidianCloze rewrites ==x== highlights (with ^[hint] or a [^label] group)
// as canonical cloze deletions, numbered in order, a group sharing one number.
func obsidianCloze(text string) (string, bool) {
	masked := maskInlineCode(text)
	locs := obsCloze.FindAllStringSubmatchIndex(masked, -1)
	if len(locs) == 0 {
		return "", false
	}
	var b strings.Builder
	groups := map[string]int{}
	next, last := 1, 0
	for _, m := range locs {
		b.WriteString(text[last:m[0]])
		hidden := text[m[2]:m[3]]
		hint := ""
		if m[4] >= 0 {
			hint = text[m[4]:m[5]]
		}
		n := next
		if m[6] >= 0 {
			label := text[m[6]:m[7]]
			if g, ok := groups[label]; ok {
				n = g
			} else {
				groups[label] = next
				next++
			}
		} else {
			next++
		}
		b.WriteString(deck.MakeCloze(n, hidden, hint))
		last = m[1]
	}
	b.WriteString(text[last:])
	return b.String(), true
}

// maskInlineCode blanks out `code` spans (same byte length) so separators
// inside them are not seen.
func maskInlineCode(s string) string {
	if strings.IndexByte(s, '`') < 0 {
		return s
	}
	b := []byte(s)
	in := false
	for i, c := range b {
		if c == '`' {
			in = !in
			continue
		}
		if in {
			b[i] = ' '
		}
	}
	return string(b)
}

// fencedLines marks the lines inside (and making) fenced code blocks.
func fencedLines(lines []string) []bool {
	out := make([]bool, len(lines))
	fence := ""
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case fence != "":
			out[i] = true
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			out[i] = true
			fence = t[:3]
		}
	}
	return out
}
