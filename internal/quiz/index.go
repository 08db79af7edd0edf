package quiz

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"recall/internal/deck"
)

// entry is one distinct answer of a deck.
type entry struct {
	card int32   // index into the cards given to Build
	hash uint64  // hash of the folded answer, for duplicate checks
	size float64 // Classified.Size
}

// bucketKey groups look-alike answers: same class, same form (empty for a
// class's loose bucket) and same side of the card.
type bucketKey struct {
	class Class
	form  string
	side  byte
}

// deckIndex holds the answers of one deck sorted into buckets once, so
// that finding wrong options costs a binary search, not a pass over the deck.
type deckIndex struct {
	buckets map[bucketKey][]entry // each sorted by size, then card order
	all     []entry               // every distinct answer, in card order
}

// sideOf tells answers that are backs from answers that are fronts (the
// second card of a reversed note), which are often in another language.
func sideOf(c *deck.Card) byte {
	if c.Type == deck.Reversed && c.Ord == 2 {
		return 'f'
	}
	return 'b'
}

// answerHash identifies an answer up to what Check forgives, accents
// included, so that "Zürich" and "zurich" are one answer.
func answerHash(s string) uint64 {
	// FNV-1a, inline to spare an allocation per answer.
	h := uint64(14695981039346656037)
	f := fold(s, true)
	for i := 0; i < len(f); i++ {
		h ^= uint64(f[i])
		h *= 1099511628211
	}
	return h
}

// newDeckIndex sorts the answers of the given cards into buckets; an
// answer met twice is kept once, for its first card.
func newDeckIndex(cards []deck.Card, members []int32) *deckIndex {
	ix := &deckIndex{buckets: map[bucketKey][]entry{}}
	seen := make(map[uint64]bool, len(members))
	for _, i := range members {
		c := &cards[i]
		a := strings.TrimSpace(c.Answer())
		if a == "" {
			continue
		}
		h := answerHash(a)
		if seen[h] {
			continue
		}
		seen[h] = true
		cl := classOf(a)
		e := entry{card: i, hash: h, size: cl.Size}
		side := sideOf(c)
		ix.all = append(ix.all, e)
		loose := bucketKey{cl.Class, "", side}
		ix.buckets[loose] = append(ix.buckets[loose], e)
		if cl.Form != "" {
			strict := bucketKey{cl.Class, cl.Form, side}
			ix.buckets[strict] = append(ix.buckets[strict], e)
		}
	}
	for _, b := range ix.buckets {
		slices.SortFunc(b, func(x, y entry) int {
			return cmp.Or(cmp.Compare(x.size, y.size), cmp.Compare(x.card, y.card))
		})
	}
	return ix
}

// classOf classifies an answer by its first " / " alternative, so that
// "Peking / Beijing" counts as a name like "Paris".
func classOf(answer string) Classified {
	if alts := splitAlternatives(answer); alts != nil {
		return Classify(alts[0])
	}
	return Classify(answer)
}

// window is a part of a bucket to draw wrong options from: either the
// nearest entries by size or the entries whose size is within [lo, hi].
type window struct {
	key     bucketKey
	nearest int
	lo, hi  float64
}

// nearestCount is how many neighbours by value a year, date or number
// draws from: close enough to be plausible, enough to vary between quizzes.
const nearestCount = 16

// windows lists where to look for look-alikes of an answer, best first.
func windows(cl Classified, side byte) []window {
	strict := bucketKey{cl.Class, cl.Form, side}
	loose := bucketKey{cl.Class, "", side}
	n := cl.Size
	switch cl.Class {
	case ClassYear, ClassDate, ClassNumber:
		return []window{{key: strict, nearest: nearestCount}, {key: loose, nearest: nearestCount}}
	case ClassList:
		d := max(1, n/4)
		return []window{{key: strict, lo: n - d, hi: n + d}, {key: loose, lo: max(2, n/2-1), hi: 2*n + 2}}
	case ClassNone:
		return nil
	}
	d := max(2, n/4)
	return []window{{key: loose, lo: n - d, hi: n + d}, {key: loose, lo: n/2 - 1, hi: 2*n + 2}}
}

// span returns the index range of w in its bucket b.
func (w window) span(b []entry, size float64) (int, int) {
	if w.nearest > 0 {
		pos := sort.Search(len(b), func(i int) bool { return b[i].size >= size })
		lo := max(0, pos-w.nearest/2)
		hi := min(len(b), lo+w.nearest)
		return max(0, hi-w.nearest), hi
	}
	lo := sort.Search(len(b), func(i int) bool { return b[i].size >= w.lo })
	hi := sort.Search(len(b), func(i int) bool { return b[i].size > w.hi })
	return lo, max(lo, hi)
}
