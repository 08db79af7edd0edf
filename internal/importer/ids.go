package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"recall/internal/deck"
)

// AnkiCardID is the recall ID of the card an Anki note with this GUID makes
// from template (or cloze) ordinal ord: the GUID itself for ordinal 0, else
// GUID/N with N = ord+1, recall's card number. Splitting at the last "/"
// recovers both parts, because the suffix is always a number.
//
// A GUID that is not short printable ASCII (other tools put anything there)
// is replaced by a hash of itself, so IDs stay safe to print and type.
func AnkiCardID(guid string, ord int) string {
	g := guid
	if !safeGUID(g) {
		sum := sha256.Sum256([]byte(guid))
		g = "anki-" + hex.EncodeToString(sum[:8])
	}
	if ord == 0 {
		return g
	}
	return g + "/" + strconv.Itoa(ord+1)
}

// splitAnkiCardID undoes AnkiCardID: the GUID and the ordinal of the card.
func splitAnkiCardID(id string) (guid string, ord int) {
	if i := strings.LastIndexByte(id, '/'); i > 0 {
		if n, err := strconv.Atoi(id[i+1:]); err == nil && n >= 2 && id[i+1] != '0' {
			return id[:i], n - 1
		}
	}
	return id, 0
}

func safeGUID(g string) bool {
	if g == "" || len(g) > 64 {
		return false
	}
	for i := 0; i < len(g); i++ {
		if g[i] <= ' ' || g[i] >= 0x7f {
			return false
		}
	}
	return true
}

// keyID hashes an exact source key (no case folding, unlike deck.DeriveID,
// because foreign ids are case-sensitive) into a 12-hex-digit ID.
func keyID(namespace, key string, ord int) string {
	h := sha256.New()
	h.Write([]byte(namespace))
	h.Write([]byte{0})
	h.Write([]byte(key))
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(ord)))
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// derivedID is the ID deck.Card.AssignID would give c if it had none.
func derivedID(c deck.Card) string {
	c.ID = ""
	c.AssignID()
	return c.ID
}

// groupDecks collects cards into decks named by their Deck field, in order of
// first appearance.
func groupDecks(cards []deck.Card) []deck.Deck {
	if len(cards) == 0 {
		return nil
	}
	single := true
	for i := range cards {
		if cards[i].Deck != cards[0].Deck {
			single = false
			break
		}
	}
	if single {
		// The usual case keeps the slice instead of copying every card.
		return []deck.Deck{{Name: cards[0].Deck, Cards: cards}}
	}
	var decks []deck.Deck
	index := map[string]int{}
	for _, c := range cards {
		i, ok := index[c.Deck]
		if !ok {
			i = len(decks)
			index[c.Deck] = i
			decks = append(decks, deck.Deck{Name: c.Deck})
		}
		decks[i].Cards = append(decks[i].Cards, c)
	}
	return decks
}
