package generate

import (
	"strings"
)

// cspan is a part of a sentence worth hiding in a cloze.
type cspan struct {
	start, end int
	kind       string
	score      float64
	items      []string
	// open marks a list the sentence leaves open ("X, Y and other Z",
	// "X, Y and so on", "X, Y, etc."): its items are examples, not all.
	open bool
}

func (c cspan) overlaps(o cspan) bool { return c.start < o.end && o.start < c.end }

// clauseWords end an enumerated item: verbs and words that start a clause.
var clauseWords = setOf(`is are was were be been being am will would shall should can could may might
must have has had do does did which that who whom whose where when while because although though if
unless since so but yet then than said says make makes made become becomes became`)

// baseVerbs are common verbs in their base form: an item starting with one
// ("and build new productivity") is a clause, not a listed thing.
var baseVerbs = setOf(`build make create develop promote improve ensure provide support use take give
form strengthen deepen foster cultivate expand boost accelerate achieve establish enhance increase
reduce help keep get set run add remove apply contribute continue see find go come put bring start
stop turn open close let allow enable prevent avoid install configure write read call return check
need want try learn follow include consider implement adopt launch push pursue advance deliver
encourage protect guarantee raise lower cut grow drive lead move eliminate facilitate capitalize
optimize modernize stimulate safeguard prioritize consolidate streamline utilize coordinate integrate
intensify diversify simplify broaden widen tighten attract empower nurture invest mobilize uphold
reinforce refine tackle accomplish maintain stabilize expedite`)

// isBaseVerb reports a verb in its base form: one of baseVerbs, or a word
// made a verb by "-ize" or "-ify" ("optimize", "diversify"), which policy
// and instruction texts coin freely. Short words are left out: "size" and
// "prize" are nouns.
func isBaseVerb(lw string) bool {
	if baseVerbs[lw] {
		return true
	}
	return len(lw) >= 7 && (strings.HasSuffix(lw, "ize") || strings.HasSuffix(lw, "ify"))
}

// tok is a word of a sentence with its byte offsets.
type tok struct {
	w          string
	start, end int
}

// tokenize splits s into words with their offsets, as words does.
func tokenize(s string) []tok {
	ws := words(s)
	out := make([]tok, 0, len(ws))
	off := 0
	for _, w := range ws {
		k := strings.Index(s[off:], w)
		if k < 0 {
			continue
		}
		out = append(out, tok{w, off + k, off + k + len(w)})
		off += k + len(w)
	}
	return out
}

// findEnumerations finds lists of three or more items inside a sentence:
// "new industries, new models, and new growth drivers". Items must be
// short phrases; the first one is trimmed back to the words parallel to
// the others ("to create new industries" → "new industries").
func findEnumerations(s string) []cspan {
	var all []cspan
	for _, conj := range []string{" and ", " or "} {
		from := 0
		for {
			k := strings.Index(s[from:], conj)
			if k < 0 {
				break
			}
			p := from + k
			from = p + len(conj)
			if e, ok := enumerationAt(s, p, len(conj)); ok {
				all = append(all, e)
			} else if e, ok := parallelPair(s, p, len(conj)); ok {
				all = append(all, e)
			}
		}
	}
	// Of overlapping readings keep the longest: in "education, science and
	// technology, and human resources" the second "and" ends the list.
	var out []cspan
	for _, e := range all {
		keep := true
		for _, o := range all {
			if o.overlaps(e) && (o.end-o.start > e.end-e.start || o.end-o.start == e.end-e.start && o.start < e.start) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, e)
		}
	}
	return out
}

// parallelPair finds two items that share their first word around a
// conjunction: "carbon peaking and carbon neutrality".
func parallelPair(s string, p, conjLen int) (cspan, bool) {
	left := tokenize(s[:p])
	right := tokenize(s[p+conjLen:])
	if len(left) < 2 || len(right) < 2 {
		return cspan{}, false
	}
	a1, a2 := left[len(left)-2], left[len(left)-1]
	b1, b2 := right[0], right[1]
	if a2.end != p || b1.start != 0 || !joined(s[:p], left, len(left)-1) || !joined(s[p+conjLen:], right, 1) {
		return cspan{}, false
	}
	fw := strings.ToLower(a1.w)
	if fw != strings.ToLower(b1.w) || stopWords[fw] || clauseWords[fw] || isBaseVerb(fw) {
		return cspan{}, false
	}
	for _, w := range []string{a2.w, b2.w} {
		lw := strings.ToLower(w)
		if stopWords[lw] || clauseWords[lw] {
			return cspan{}, false
		}
	}
	// The pair must end there: "carbon neutrality." not "carbon neutrality goals".
	end := p + conjLen + b2.end
	if len(right) > 2 && joined(s[p+conjLen:], right, 2) && !stopWords[strings.ToLower(right[2].w)] && !clauseWords[strings.ToLower(right[2].w)] {
		return cspan{}, false
	}
	items := []string{a1.w + " " + a2.w, b1.w + " " + b2.w}
	return cspan{start: a1.start, end: end, kind: "enum", items: items}, true
}

// enumerationAt tries an enumeration whose conjunction starts at s[p].
func enumerationAt(s string, p, conjLen int) (cspan, bool) {
	left := strings.TrimRight(s[:p], " ")
	left = strings.TrimSuffix(left, ",")
	parts := strings.Split(left, ", ")
	if len(parts) < 2 {
		return cspan{}, false
	}
	// Items before the conjunction, last first.
	k := len(parts) - 1
	var before []string
	for k > 0 && isItem(parts[k]) {
		before = append(before, strings.TrimPrefix(parts[k], "and "))
		k--
	}
	if len(before) == 0 {
		return cspan{}, false
	}
	first := firstItem(parts[k], before)
	if first == "" || !strings.HasSuffix(parts[k], first) {
		return cspan{}, false
	}
	off := 0
	for j := 0; j < k; j++ {
		off += len(parts[j]) + 2
	}
	start := off + len(parts[k]) - len(first)
	items := []string{first}
	for i := len(before) - 1; i >= 0; i-- {
		items = append(items, before[i])
	}
	right := s[p+conjLen:]
	if strings.HasPrefix(right, "other ") || strings.HasPrefix(right, "so on") {
		// "new materials, biomedicine and other emerging industries": the
		// examples are the items.
		return cspan{start: start, end: len(left), kind: "enum", items: items, open: true}, true
	}
	last, lastLen := lastItem(right, items)
	if last == "" {
		return cspan{}, false
	}
	items = append(items, last)
	if !parallelItems(items) {
		return cspan{}, false
	}
	return cspan{start: start, end: p + conjLen + lastLen, kind: "enum", items: items}, true
}

// parallelItems reports items of one kind: either all or none of them open
// with a preposition. "TIME, for simulations and demos" runs a clause's
// tail into a list; "before imports, deletes, ..." mixes a time with
// things.
func parallelItems(items []string) bool {
	preps := 0
	for _, it := range items {
		if ws := strings.Fields(it); len(ws) > 0 && leadPrepositions[strings.ToLower(ws[0])] {
			preps++
		}
	}
	return preps == 0 || preps == len(items)
}

// isItem reports a short phrase without a verb: a list item.
func isItem(part string) bool {
	part = strings.TrimSpace(part)
	ws := words(part)
	if len(ws) == 0 || len(ws) > 5 || strings.ContainsAny(part, ";:\"()") || isBaseVerb(strings.ToLower(ws[0])) {
		return false
	}
	for _, w := range ws {
		if clauseWords[strings.ToLower(w)] || pronouns[strings.ToLower(w)] && strings.ToLower(w) != "one" {
			return false
		}
	}
	return hasContent(part)
}

// firstItem cuts the first item off the end of the text before it.
func firstItem(seg string, others []string) string {
	ws := strings.Fields(seg)
	// The trailing run of words that are not function words.
	i := len(ws)
	for i > 0 {
		w := strings.ToLower(strings.Trim(ws[i-1], `"'`))
		// A word of quotes alone trims to nothing.
		if stopWords[w] || clauseWords[w] || i < len(ws) && w != "" && strings.ContainsAny(w[len(w)-1:], ";:.!?") {
			// A clause ends at a stop word or at ";": "stdout; prompts"
			// holds one item, not two words of one.
			break
		}
		i--
	}
	run := ws[i:]
	if len(run) == 0 {
		return ""
	}
	// Parallel items share their first word ("new industries, new models",
	// "one part starter, one part flour").
	if fw := commonFirstWord(others); fw != "" && i > 0 && strings.EqualFold(ws[i-1], fw) {
		run = ws[i-1:]
	} else if fw != "" {
		for j := len(run) - 1; j >= 0; j-- {
			if strings.EqualFold(run[j], fw) {
				run = run[j:]
				break
			}
		}
	}
	// Names in a list of names: keep the capitalised tail.
	if allCapitalized(others) {
		j := len(run)
		for j > 0 && isCapitalized(run[j-1]) {
			j--
		}
		if j < len(run) {
			run = run[j:]
		}
	}
	longest := 0
	for _, o := range others {
		longest = max(longest, wordCount(o))
	}
	if len(run) > longest+1 {
		run = run[len(run)-wordCount(others[len(others)-1]):]
	}
	return strings.Join(run, " ")
}

func commonFirstWord(items []string) string {
	fw := ""
	for _, it := range items {
		ws := strings.Fields(it)
		if len(ws) < 2 {
			return ""
		}
		if fw == "" {
			fw = strings.ToLower(ws[0])
		} else if strings.ToLower(ws[0]) != fw {
			return ""
		}
	}
	return fw
}

func allCapitalized(items []string) bool {
	for _, it := range items {
		if !isCapitalized(it) {
			return false
		}
	}
	return len(items) > 0
}

// lastItem takes the item after the conjunction: up to punctuation or a
// clause word, and not much longer than the other items. It returns the
// item and its length in bytes from the start of right.
func lastItem(right string, items []string) (string, int) {
	end := len(right)
	if k := strings.IndexAny(right, ",.;:!?()\""); k >= 0 {
		end = k
	}
	seg := right[:end]
	if strings.HasPrefix(seg, "other ") || strings.HasPrefix(seg, "so on") || strings.HasPrefix(seg, "more") {
		return "", 0
	}
	longest := 0
	for _, it := range items {
		longest = max(longest, wordCount(it))
	}
	toks := tokenize(seg)
	limit := longest + 2
	if fw := commonFirstWord(items); fw != "" && len(toks) > 0 && strings.EqualFold(toks[0].w, fw) {
		// Parallel items end about where the others do: "one part water".
		limit = longest + 1
	}
	parallel := limit == longest+1
	n := 0
	for n < len(toks) && n < limit {
		lw := strings.ToLower(toks[n].w)
		// A verb after the item's first word starts the predicate:
		// "prompts, progress and hints go to stderr".
		if clauseWords[lw] || n > 0 && (lw == "to" || parallel && stopWords[lw] || isBaseVerb(lw)) {
			break
		}
		n++
	}
	if n == 0 || isBaseVerb(strings.ToLower(toks[0].w)) {
		return "", 0
	}
	if n < len(toks) && n >= limit && !parallel {
		// Ran on past the length of the other items: a clause, not an item.
		return "", 0
	}
	if allCapitalized(items) {
		// "Paris, Rome and Berlin last year": a list of names ends with them.
		k := 0
		for k < n && (isCapitalized(toks[k].w) || k > 0 && isDigit(toks[k].w[0])) && (k == 0 || joined(seg, toks, k)) {
			k++
		}
		if k > 0 {
			n = k
		}
	}
	item := seg[:toks[n-1].end]
	if !hasContent(item) {
		return "", 0
	}
	return item, toks[n-1].end
}
