package cli

import (
	"recall/internal/term"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"recall/internal/deck"
	"recall/internal/review"
	"recall/internal/sched"
	"recall/internal/store"
)

func newSearchCmd(f *Factory) *cobra.Command {
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Find cards by text, tag, deck or state",
		Long: `Find cards whose text contains every word of the query (case and accents
folded). Terms can narrow the search:
  deck:NAME    cards of a deck (and its sub-decks)
  tag:T        cards with tag T
  state:S      new, learning, review or relearning
  is:suspended, is:leech, is:buried
  id:PREFIX    cards whose ID starts with PREFIX`,
		Args: minArgs(1, "a query"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return searchRun(f, strings.Join(args, " "), limit, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&limit, "limit", 0, "show at most `N` cards")
	return cmd
}

type query struct {
	words            []string
	deck, tag, state string
	id               string
	suspended, leech bool
	buried           bool
	now              time.Time
}

// termsHelp lists the search terms for error messages.
const termsHelp = "deck:NAME, tag:T, state:S, is:suspended, is:leech, is:buried, id:PREFIX"

func parseQuery(q string) (query, error) {
	var out query
	terms := 0
	for _, w := range strings.Fields(q) {
		k, v, ok := strings.Cut(w, ":")
		if ok && isTermKey(k) {
			terms++
			// An empty value would match every card, which is never what
			// "deck:" with a forgotten name means.
			if v == "" && (k == "deck" || k == "tag" || k == "id") {
				return out, usagef("%q needs a value, e.g. %s", w, map[string]string{
					"deck": "deck:Spanish", "tag": "tag:verbs", "id": "id:3f2a"}[k])
			}
		}
		switch {
		case !ok || !isTermKey(k):
			// "12:30" or "std::vector" are words, not terms. A word of
			// punctuation alone normalises to nothing and would match
			// every card, so it is left out.
			if n := deck.Normalize(w); n != "" {
				out.words = append(out.words, n)
			}
		case k == "deck":
			out.deck = v
		case k == "tag":
			out.tag = v
		case k == "state":
			if _, err := sched.ParseState(v); err != nil {
				return out, usagef("state:%s: want state:new, state:learning, state:review or state:relearning", v)
			}
			out.state = v
		case k == "id":
			out.id = v
		case k == "is" && v == "suspended":
			out.suspended = true
		case k == "is" && v == "leech":
			out.leech = true
		case k == "is" && v == "buried":
			out.buried = true
		default:
			return out, usagef("unknown search term %q; terms are %s", w, termsHelp)
		}
	}
	if len(out.words) == 0 && terms == 0 {
		return out, usagef("%q has no letters or digits to search for; give words from the cards, or terms: %s", q, termsHelp)
	}
	return out, nil
}

func isTermKey(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func (q query) match(c *store.Card) bool {
	if q.deck != "" && !(review.Filter{Decks: []string{q.deck}}).MatchDeck(c.Deck) {
		return false
	}
	if q.tag != "" && !slices.Contains(c.Tags, q.tag) {
		return false
	}
	if q.state != "" && c.Sched.State.String() != q.state {
		return false
	}
	if q.id != "" && !strings.HasPrefix(c.ID, q.id) {
		return false
	}
	if q.suspended && !c.Suspended || q.leech && !slices.Contains(c.Tags, "leech") || q.buried && !c.BuriedUntil.After(q.now) {
		return false
	}
	if len(q.words) == 0 {
		return true
	}
	text := deck.Normalize(deck.StripCloze(c.Front) + " " + c.Back + " " + strings.Join(c.Tags, " ") + " " + c.Deck)
	for _, w := range q.words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

func searchRun(f *Factory, q string, limit int, asJSON bool) error {
	if limit < 0 {
		return usagef("--limit must be 0 or more")
	}
	// The query is checked before the collection is opened: a mistake in
	// it is the same whatever the collection holds.
	pq, err := parseQuery(q)
	if err != nil {
		return err
	}
	st, err := f.Store(true)
	if err != nil {
		return err
	}
	if pq.now, err = f.Now(); err != nil {
		return err
	}
	var found []*store.Card
	err = st.EachCard(func(c *store.Card) error {
		if pq.match(c) {
			found = append(found, c)
		}
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortStableFunc(found, func(a, b *store.Card) int {
		if a.Deck != b.Deck {
			return strings.Compare(a.Deck, b.Deck)
		}
		return int(a.Num) - int(b.Num)
	})
	total := len(found)
	if limit > 0 && len(found) > limit {
		found = found[:limit]
	}
	if asJSON {
		out := make([]cardJSON, 0, len(found))
		for _, c := range found {
			out = append(out, toCardJSON(c))
		}
		return f.writeJSON(out)
	}
	printCardRows(f, found)
	f.hint("%s found", term.Plural(total, "card"))
	return nil
}
