package quiz

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"recall/internal/deck"
)

// defaultN is the number of questions when Options.N is not set.
const defaultN = 10

// Build picks up to opt.N cards (10 by default) and builds a question from
// each; an empty mode means mixed. A cloze card asked for typing is a
// KindCloze question, in typed mode too. Cards without a prompt or an
// answer, and cards the mode cannot ask (a multi-line answer in typed mode,
// a non-cloze card in cloze mode), are passed over; two cards of one note (the sides of a reversed note, the
// deletions of one cloze text) are only both asked when there are not
// enough other cards. The result depends only on the cards, their order and
// the state of opt.Rand. It fails when opt is incomplete or no card can be
// asked.
func Build(cards []deck.Card, opt Options) ([]Question, error) {
	if opt.Rand == nil {
		return nil, errors.New("quiz: no random generator given")
	}
	mode, err := ParseMode(string(opt.Mode))
	if err != nil {
		return nil, fmt.Errorf("quiz: %w", err)
	}
	if opt.Weak && opt.Weakness == nil {
		return nil, errors.New("quiz: weak cards asked for, but no way to rate them given")
	}
	if len(cards) == 0 {
		return nil, errors.New("quiz: no cards to ask")
	}
	n := opt.N
	if n <= 0 {
		n = defaultN
	}
	b := &builder{cards: cards, mode: mode, r: opt.Rand, counts: map[Kind]int{}}
	next := randomOrder(b.r, len(cards))
	if opt.Weak {
		next = weakOrder(b.r, cards, opt.Weakness, n)
	}
	var qs []Question
	asked := map[string]bool{}
	var siblings []int
	for len(qs) < n {
		i, ok := next()
		if !ok {
			break
		}
		key := noteKey(&cards[i], i)
		if asked[key] {
			siblings = append(siblings, i)
			continue
		}
		if q, ok := b.question(i); ok {
			qs = append(qs, q)
			asked[key] = true
		}
	}
	for _, i := range siblings {
		if len(qs) >= n {
			break
		}
		if q, ok := b.question(i); ok {
			qs = append(qs, q)
		}
	}
	if len(qs) == 0 {
		return nil, b.noneError()
	}
	return qs, nil
}

// noteKey groups the cards of one note; cards without an ID count alone.
func noteKey(c *deck.Card, i int) string {
	if k := c.NoteKey(); k != "" {
		return k
	}
	return "#" + strconv.Itoa(i)
}

// randomOrder yields the indices 0..n-1 in a random order, one at a time:
// a Fisher–Yates shuffle that records only the swapped places, so drawing
// k cards of n costs O(k), not O(n).
func randomOrder(r *rand.Rand, n int) func() (int, bool) {
	moved := map[int]int{}
	at := func(k int) int {
		if v, ok := moved[k]; ok {
			return v
		}
		return k
	}
	i := 0
	return func() (int, bool) {
		if i >= n {
			return 0, false
		}
		j := i + r.IntN(n-i)
		vi, vj := at(i), at(j)
		moved[j] = vi
		delete(moved, i)
		i++
		return vj, true
	}
}

// weakOrder yields the indices of the cards weakest first, each drawn at
// random among the few weakest left, so that repeated weak quizzes vary
// while staying on weak cards.
func weakOrder(r *rand.Rand, cards []deck.Card, weakness func(string) float64, n int) func() (int, bool) {
	type rated struct {
		w float64
		i int32
	}
	all := make([]rated, len(cards))
	for i := range cards {
		w := weakness(cards[i].ID)
		if math.IsNaN(w) {
			w = math.Inf(-1)
		}
		all[i] = rated{w, int32(i)}
	}
	slices.SortStableFunc(all, func(a, b rated) int {
		switch {
		case a.w > b.w:
			return -1
		case a.w < b.w:
			return 1
		}
		return 0
	})
	spread := max(3, n/3)
	pos := 0
	return func() (int, bool) {
		if pos >= len(all) {
			return 0, false
		}
		k := pos + r.IntN(min(spread, len(all)-pos))
		picked := all[k]
		copy(all[pos+1:k+1], all[pos:k])
		pos++
		return int(picked.i), true
	}
}

// builder carries what building questions shares: the cards, the
// generator, the per-deck answer indexes (built on first need) and the
// count of each kind built, which mixed mode evens out.
type builder struct {
	cards   []deck.Card
	mode    Mode
	r       *rand.Rand
	members map[string][]int32
	indexes map[string]*deckIndex
	counts  map[Kind]int
}

// noneError explains why no question could be built.
func (b *builder) noneError() error {
	switch b.mode {
	case ModeCloze:
		return fmt.Errorf("quiz: none of the %d cards is a cloze card with a one-line answer", len(b.cards))
	case ModeTyped:
		return fmt.Errorf("quiz: none of the %d cards has a one-line answer to type", len(b.cards))
	}
	return fmt.Errorf("quiz: none of the %d cards has both a prompt and an answer", len(b.cards))
}

// index returns the answer index of a deck, building it on first use.
func (b *builder) index(name string) *deckIndex {
	if b.members == nil {
		b.members = map[string][]int32{}
		for i := range b.cards {
			d := b.cards[i].Deck
			b.members[d] = append(b.members[d], int32(i))
		}
		b.indexes = map[string]*deckIndex{}
	}
	ix := b.indexes[name]
	if ix == nil {
		ix = newDeckIndex(b.cards, b.members[name])
		b.indexes[name] = ix
	}
	return ix
}

// question builds the question for card i, or reports that the card cannot
// be asked in this mode.
func (b *builder) question(i int) (Question, bool) {
	c := &b.cards[i]
	q := Question{
		CardID: c.ID,
		Deck:   c.Deck,
		Prompt: strings.TrimSpace(c.Prompt()),
		Answer: strings.TrimSpace(c.Answer()),
	}
	if q.Prompt == "" || q.Answer == "" {
		return Question{}, false
	}
	multi := strings.ContainsRune(q.Answer, '\n')
	kind, ok := b.intended(c, multi, utf8.RuneCountInString(q.Answer) > maxTypedInMixed)
	if !ok {
		return Question{}, false
	}
	switch kind {
	case KindMC:
		if b.makeMC(&q, c, i) {
			break
		}
		if !multi {
			b.makeTyped(&q, c)
			q.Note = noteTypedNoChoices
			break
		}
		if !b.makeTF(&q, c, i) {
			return Question{}, false
		}
		q.Note = noteTFNoChoices
	case KindTF:
		if b.makeTF(&q, c, i) {
			break
		}
		if multi {
			return Question{}, false
		}
		b.makeTyped(&q, c)
		q.Note = noteTypedNoFalse
	default:
		b.makeTyped(&q, c)
	}
	b.counts[q.Kind]++
	return q, true
}

// maxTypedInMixed is the longest answer mixed mode asks to type; longer
// ones are fairer as a choice or a statement. Typed mode asks them anyway.
const maxTypedInMixed = 60

// intended is the kind the mode asks for card c; false when the mode cannot
// ask it at all.
func (b *builder) intended(c *deck.Card, multi, long bool) (Kind, bool) {
	cloze := c.Type == deck.Cloze
	switch b.mode {
	case ModeCloze:
		return KindCloze, cloze && !multi
	case ModeTyped:
		return KindTyped, !multi
	case ModeMC:
		return KindMC, true
	case ModeTF:
		return KindTF, true
	}
	switch {
	case cloze && !multi:
		return KindCloze, true
	case c.Type == deck.Choice:
		return KindMC, true
	case c.Type == deck.Typed && !multi:
		return KindTyped, true
	}
	kinds := []Kind{KindMC, KindTyped, KindTF}
	if multi || long {
		kinds = []Kind{KindMC, KindTF}
	}
	least := math.MaxInt
	var tied []Kind
	for _, k := range kinds {
		switch n := b.counts[k]; {
		case n < least:
			least, tied = n, []Kind{k}
		case n == least:
			tied = append(tied, k)
		}
	}
	return tied[b.r.IntN(len(tied))], true
}

// makeTyped turns q into a question to answer by typing: cloze for a cloze
// card, typed otherwise, with the further accepted answers.
func (b *builder) makeTyped(q *Question, c *deck.Card) {
	q.Kind = KindTyped
	if c.Type == deck.Cloze {
		q.Kind = KindCloze
	}
	seen := map[string]bool{clean(q.Answer): true}
	for _, a := range append(splitAlternatives(q.Answer), c.Accept...) {
		a = strings.TrimSpace(a)
		if a != "" && !seen[clean(a)] {
			seen[clean(a)] = true
			q.Accept = append(q.Accept, a)
		}
	}
}

// mcOptions is the number of choices of a multiple-choice question.
const mcOptions = 4

// makeMC turns q into a multiple-choice question: the card's own wrong
// options first, then look-alike answers of its deck. It leaves q alone and
// returns false when fewer than three wrong options are found.
func (b *builder) makeMC(q *Question, c *deck.Card, i int) bool {
	excl := exclusions(q, c)
	var wrong []string
	for _, k := range b.r.Perm(len(c.Wrong)) {
		w := strings.TrimSpace(c.Wrong[k])
		if w == "" {
			continue
		}
		h := answerHash(w)
		if slices.Contains(excl, h) {
			continue
		}
		excl = append(excl, h)
		wrong = append(wrong, w)
		if len(wrong) == mcOptions-1 {
			break
		}
	}
	if len(wrong) < mcOptions-1 {
		wrong = append(wrong, b.similar(q, c, i, mcOptions-1-len(wrong), &excl)...)
	}
	if len(wrong) < mcOptions-1 {
		return false
	}
	opts := append([]string{q.Answer}, wrong...)
	correct := 0
	b.r.Shuffle(len(opts), func(x, y int) {
		opts[x], opts[y] = opts[y], opts[x]
		switch correct {
		case x:
			correct = y
		case y:
			correct = x
		}
	})
	q.Kind, q.Options, q.Correct = KindMC, opts, correct
	return true
}

// makeTF turns q into a true/false statement with the real answer or, by
// the toss of a coin, another card's. It leaves q alone and returns false
// when the statement should be false but the deck has no other answer.
func (b *builder) makeTF(q *Question, c *deck.Card, i int) bool {
	shown, correct := q.Answer, 0
	if b.r.IntN(2) == 1 {
		excl := exclusions(q, c)
		other := b.similar(q, c, i, 1, &excl)
		if len(other) == 0 {
			other = b.anyOther(q, c, i, excl)
		}
		if len(other) == 0 {
			return false
		}
		shown, correct = other[0], 1
	}
	q.Kind, q.Options, q.Correct = KindTF, []string{True, False}, correct
	q.Prompt = statement(c, q.Prompt, shown)
	return true
}

// statement joins a prompt and an answer into a claim to judge; a cloze
// with one gap gets the answer written into the gap.
func statement(c *deck.Card, prompt, shown string) string {
	if c.Type == deck.Cloze && !strings.ContainsRune(shown, '\n') {
		var gap *deck.Deletion
		ds := deck.Deletions(c.Front)
		for k := range ds {
			if ds[k].N == c.Ord {
				if gap != nil {
					gap = nil
					break
				}
				gap = &ds[k]
			}
		}
		if gap != nil {
			filled := deck.ClozeFilled(c.Front[:gap.Start], 0, nil) + shown + deck.ClozeFilled(c.Front[gap.End:], 0, nil)
			return strings.TrimSpace(filled)
		}
	}
	return prompt + " — " + shown
}

// exclusions are the hashes no wrong option may have: every accepted form
// of the answer, and the prompt (the other side of a reversed note).
func exclusions(q *Question, c *deck.Card) []uint64 {
	var hs []uint64
	for _, f := range acceptedForms(q.Answer, c.Accept) {
		hs = append(hs, answerHash(f))
	}
	return append(hs, answerHash(q.Prompt))
}

// similar draws up to need look-alike answers of other cards of c's deck,
// nearest first (see windows), and adds their hashes to excl.
func (b *builder) similar(q *Question, c *deck.Card, i, need int, excl *[]uint64) []string {
	ix := b.index(c.Deck)
	cl := classOf(q.Answer)
	ok := b.acceptor(q, i, excl)
	var out []string
	for _, w := range windows(cl, sideOf(c)) {
		bucket := ix.buckets[w.key]
		lo, hi := w.span(bucket, cl.Size)
		out = b.draw(bucket[lo:hi], need-len(out), ok, excl, out)
		if len(out) >= need {
			break
		}
	}
	return out
}

// anyOther draws one answer of any class from c's deck, for a false
// statement when no look-alike exists.
func (b *builder) anyOther(q *Question, c *deck.Card, i int, excl []uint64) []string {
	return b.draw(b.index(c.Deck).all, 1, b.acceptor(q, i, &excl), &excl, nil)
}

// acceptor says whether an answer may serve as a wrong option for card i:
// not the card itself, not an excluded text, and not the answer of a card
// asking the same question (which would be right as well).
func (b *builder) acceptor(q *Question, i int, excl *[]uint64) func(entry) bool {
	prompt := ""
	return func(e entry) bool {
		if int(e.card) == i || slices.Contains(*excl, e.hash) {
			return false
		}
		if prompt == "" {
			prompt = fold(q.Prompt, true)
		}
		return fold(b.cards[e.card].Prompt(), true) != prompt
	}
}

// draw picks up to need acceptable entries of es at random, adding their
// answers to out and their hashes to excl.
func (b *builder) draw(es []entry, need int, ok func(entry) bool, excl *[]uint64, out []string) []string {
	want := len(out) + need
	take := func(e entry) bool {
		if len(out) >= want || !ok(e) {
			return len(out) >= want
		}
		*excl = append(*excl, e.hash)
		out = append(out, strings.TrimSpace(b.cards[e.card].Answer()))
		return len(out) >= want
	}
	n := len(es)
	if n == 0 || need <= 0 {
		return out
	}
	if n <= 64 {
		for _, k := range b.r.Perm(n) {
			if take(es[k]) {
				break
			}
		}
		return out
	}
	// Rejections are rare (only the answer's own forms and the options
	// already taken), so random probes almost always suffice; the scan only
	// guards against a window full of rejects.
	for range 64 {
		if take(es[b.r.IntN(n)]) {
			return out
		}
	}
	start := b.r.IntN(n)
	for k := range n {
		if take(es[(start+k)%n]) {
			break
		}
	}
	return out
}
