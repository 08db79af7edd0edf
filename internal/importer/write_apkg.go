package importer

import (
	"archive/zip"
	"crypto/sha1"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"recall/internal/deck"
	"recall/internal/tempfile"
)

// Fixed note type ids, so repeated imports into Anki reuse the note types.
// Change an id if its fields or templates ever change.
const (
	ntBasicID    int64 = 1700000000001
	ntClozeID    int64 = 1700000000002
	ntReversedID int64 = 1700000000003
	ntTypedID    int64 = 1700000000004
)

// WriteAPKG writes cards as an Anki package in the Legacy 1 layout
// (collection.anki2, schema 11, JSON media list), which current Anki, older
// versions and AnkiDroid all import (FORMATS §2.6). Notes get stable GUIDs
// (see groupNotes) and keep recall's card IDs in notes.data, where Anki does
// not look, so Read gives the same cards back. Reviews of the written cards
// go into revlog, and a reviewed card is written as a review card due one
// interval (its last gap between reviews) after its last review; recall's
// memory state is not part of the input, so Anki recomputes it from the log.
func WriteAPKG(w io.Writer, cards []deck.Card, reviews []Review) error {
	dir, err := os.MkdirTemp("", "recall-apkg-*")
	if err != nil {
		return fmt.Errorf("writing .apkg: %w", err)
	}
	tempfile.Track(dir)
	defer tempfile.Remove(dir)
	dbPath := filepath.Join(dir, "collection.anki2")
	if err := writeCollection(dbPath, cards, reviews, time.Now()); err != nil {
		return fmt.Errorf("writing .apkg: %w", err)
	}
	zw := zip.NewWriter(w)
	f, err := os.Open(dbPath)
	if err != nil {
		return fmt.Errorf("writing .apkg: %w", err)
	}
	defer f.Close()
	part, err := zw.Create("collection.anki2")
	if err == nil {
		_, err = io.Copy(part, f)
	}
	if err == nil {
		part, err = zw.Create("media")
	}
	if err == nil {
		_, err = part.Write([]byte("{}"))
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return fmt.Errorf("writing .apkg: %w", err)
	}
	return nil
}

const schema11 = `
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
  models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
  ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL,
  odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`

// writeCollection builds the schema 11 SQLite file.
func writeCollection(path string, cards []deck.Card, reviews []Review, now time.Time) error {
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?_pragma=journal_mode(DELETE)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(schema11); err != nil {
		return fmt.Errorf("creating tables: %w", err)
	}
	notes := groupNotes(cards)
	history := map[string][]Review{}
	for _, r := range reviews {
		history[r.CardID] = append(history[r.CardID], r)
	}
	for _, rs := range history {
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].Time.Before(rs[j].Time) })
	}
	crt := dayStart(now)
	for _, rs := range history {
		if len(rs) > 0 && rs[0].Time.Before(crt) {
			crt = dayStart(rs[0].Time)
		}
	}

	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	noteStmt, err := tx.Prepare(`INSERT INTO notes VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, ?)`)
	if err != nil {
		return err
	}
	cardStmt, err := tx.Prepare(`INSERT INTO cards VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, '')`)
	if err != nil {
		return err
	}
	revStmt, err := tx.Prepare(`INSERT INTO revlog VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	decks := newDeckIDs()
	usedKinds := map[deck.Type]bool{}
	nowMS, nowS := now.UnixMilli(), now.Unix()
	// Ids are creation times in ms; counting up to now keeps them unique
	// and never in the future.
	nextID := nowMS - int64(len(notes)) - int64(len(cards)) - 2
	revIDs := map[int64]bool{}
	for pos, n := range notes {
		usedKinds[n.kind] = true
		nid := nextID
		nextID++
		flds := []string{escapeHTML(n.front), escapeHTML(n.back)}
		sfld := stripHTMLMedia(flds[0])
		idMap := map[string]string{}
		for i, c := range n.cards {
			idMap[strconv.Itoa(n.ords[i])] = c.ID
		}
		data, _ := json.Marshal(map[string]any{"recall_ids": idMap})
		tags := ankiTags(n.tags)
		if tags != "" {
			tags = " " + tags + " "
		}
		if _, err := noteStmt.Exec(nid, n.guid, notetypeID(n.kind), nowS, tags, strings.Join(flds, "\x1f"),
			sfld, fieldChecksum(flds[0]), string(data)); err != nil {
			return fmt.Errorf("note %s: %w", n.guid, err)
		}
		did := decks.id(n.deck)
		for i, c := range n.cards {
			cid := nextID
			nextID++
			st := newCardState(pos + 1)
			if rs := history[c.ID]; len(rs) > 0 {
				st = reviewedCardState(rs, crt)
				lastIvl := int64(0)
				for j, r := range rs {
					id := r.Time.UnixMilli()
					for revIDs[id] {
						id++
					}
					revIDs[id] = true
					ivl := revlogInterval(rs, j, st.ivl)
					typ, factor := revlogType(rs, j)
					if _, err := revStmt.Exec(id, cid, r.Rating, ivl, lastIvl, factor, r.Duration.Milliseconds(), typ); err != nil {
						return fmt.Errorf("review of %s: %w", c.ID, err)
					}
					lastIvl = ivl
				}
			}
			if _, err := cardStmt.Exec(cid, nid, did, n.ords[i], nowS, st.typ, st.queue, st.due, st.ivl,
				st.factor, st.reps, st.lapses); err != nil {
				return fmt.Errorf("card %s: %w", c.ID, err)
			}
		}
	}
	conf := map[string]any{"schedVer": 2, "sched2021": true, "rollover": 4, "activeDecks": []int{1}, "curDeck": 1,
		"newSpread": 0, "collapseTime": 1200, "timeLim": 0, "estTimes": true, "dueCounts": true, "curModel": nil,
		"nextPos": len(notes) + 1, "sortType": "noteFld", "sortBackwards": false, "addToCur": true,
		"dayLearnFirst": false}
	confJSON, _ := json.Marshal(conf)
	modelsJSON, _ := json.Marshal(notetypesJSON(usedKinds, nowS))
	decksJSON, _ := json.Marshal(decks.json(nowS))
	if _, err := tx.Exec(`INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')`,
		crt.Unix(), nowMS, nowMS, string(confJSON), string(modelsJSON), string(decksJSON), dconfJSON); err != nil {
		return fmt.Errorf("collection row: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return db.Close()
}

// cardState is the scheduling columns of a card row.
type cardState struct {
	typ, queue, due, ivl, factor, reps, lapses int64
}

func newCardState(position int) cardState {
	return cardState{due: int64(position)}
}

// reviewedCardState schedules a reviewed card from its history alone: due one
// interval after the last review, the interval being the last gap between
// reviews in days (one day after a lapse or a single review).
func reviewedCardState(rs []Review, crt time.Time) cardState {
	last := rs[len(rs)-1]
	ivl := int64(1)
	if len(rs) > 1 && last.Rating > 1 {
		ivl = max(1, dayNumber(last.Time)-dayNumber(rs[len(rs)-2].Time))
	}
	lapses := int64(0)
	for _, r := range rs[1:] {
		if r.Rating == 1 {
			lapses++
		}
	}
	due := dayNumber(last.Time) + ivl - dayNumber(crt)
	return cardState{typ: 2, queue: 2, due: due, ivl: ivl, factor: 2500, reps: int64(len(rs)), lapses: lapses}
}

// revlogInterval is the interval logged with review j: days to the next
// review, negative seconds when that is the same day, the card's interval
// after the last one.
func revlogInterval(rs []Review, j int, final int64) int64 {
	if j == len(rs)-1 {
		return final
	}
	days := dayNumber(rs[j+1].Time) - dayNumber(rs[j].Time)
	if days >= 1 {
		return days
	}
	return -max(1, int64(rs[j+1].Time.Sub(rs[j].Time)/time.Second))
}

// revlogType marks the first day's reviews as learning, reviews after a
// lapse as relearning and the rest as reviews, which is how Anki's reader
// (and ours) finds where a card's history starts.
func revlogType(rs []Review, j int) (typ, factor int) {
	switch {
	case dayNumber(rs[j].Time) == dayNumber(rs[0].Time):
		return 0, 0
	case rs[j-1].Rating == 1:
		return 2, 2500
	}
	return 1, 2500
}

// dayNumber counts days on Anki's default day boundary, 04:00 local time.
func dayNumber(t time.Time) int64 {
	l := t.In(time.Local).Add(-4 * time.Hour)
	y, m, d := l.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// dayStart is the 04:00 local day start on or before t.
func dayStart(t time.Time) time.Time {
	l := t.In(time.Local).Add(-4 * time.Hour)
	y, m, d := l.Date()
	return time.Date(y, m, d, 4, 0, 0, 0, time.Local)
}

// fieldChecksum is Anki's notes.csum: the first 4 bytes of the SHA-1 of the
// field with HTML stripped, as a big-endian number.
func fieldChecksum(field string) int64 {
	sum := sha1.Sum([]byte(stripHTMLMedia(field)))
	return int64(binary.BigEndian.Uint32(sum[:4]))
}

func notetypeID(kind deck.Type) int64 {
	switch kind {
	case deck.Cloze:
		return ntClozeID
	case deck.Reversed:
		return ntReversedID
	case deck.Typed:
		return ntTypedID
	}
	return ntBasicID
}

// notetypesJSON is col.models for the note types in use.
func notetypesJSON(kinds map[deck.Type]bool, mod int64) map[string]any {
	field := func(name string, ord int) map[string]any {
		return map[string]any{"name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial", "size": 20}
	}
	tmpl := func(name string, ord int, q, a string) map[string]any {
		return map[string]any{"name": name, "ord": ord, "qfmt": q, "afmt": a, "bqfmt": "", "bafmt": "", "did": nil}
	}
	model := func(id int64, name string, typ int, flds, tmpls []map[string]any) map[string]any {
		m := map[string]any{"id": id, "name": name, "type": typ, "mod": mod, "usn": 0, "sortf": 0, "did": nil,
			"css":      ".card { font-family: sans-serif; font-size: 20px; text-align: center; }",
			"latexPre": "", "latexPost": "", "flds": flds, "tmpls": tmpls, "tags": []string{}, "vers": []any{}}
		if typ == 0 {
			req := make([][]any, len(tmpls))
			for i := range tmpls {
				req[i] = []any{i, "any", []int{i}}
			}
			m["req"] = req
		}
		return m
	}
	basicFields := func() []map[string]any { return []map[string]any{field("Front", 0), field("Back", 1)} }
	out := map[string]any{}
	for kind := range kinds {
		id := notetypeID(kind)
		var m map[string]any
		switch kind {
		case deck.Cloze:
			m = model(id, "recall Cloze", 1, []map[string]any{field("Text", 0), field("Back Extra", 1)},
				[]map[string]any{tmpl("Cloze", 0, "{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}")})
		case deck.Reversed:
			m = model(id, "recall Basic (and reversed card)", 0, basicFields(), []map[string]any{
				tmpl("Card 1", 0, "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"),
				tmpl("Card 2", 1, "{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}")})
			m["req"] = [][]any{{0, "any", []int{0}}, {1, "any", []int{1}}}
		case deck.Typed:
			m = model(id, "recall Basic (type in the answer)", 0, basicFields(), []map[string]any{
				tmpl("Card 1", 0, "{{Front}}\n\n{{type:Back}}", "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}")})
		default:
			m = model(id, "recall Basic", 0, basicFields(), []map[string]any{
				tmpl("Card 1", 0, "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}")})
		}
		out[strconv.FormatInt(id, 10)] = m
	}
	return out
}

// deckIDs gives each deck name (and its parents) a stable id.
type deckIDs struct {
	ids   map[string]int64
	taken map[int64]bool
	order []string
}

func newDeckIDs() *deckIDs {
	return &deckIDs{ids: map[string]int64{"Default": 1}, taken: map[int64]bool{1: true}, order: []string{"Default"}}
}

func (d *deckIDs) id(name string) int64 {
	if name == "" {
		name = "Default"
	}
	if id, ok := d.ids[name]; ok {
		return id
	}
	if i := strings.LastIndex(name, "::"); i > 0 {
		d.id(name[:i]) // Anki wants the parents listed too
	}
	h := fnv.New64a()
	h.Write([]byte(name))
	id := 1_500_000_000_000 + int64(h.Sum64()%100_000_000_000)
	for d.taken[id] {
		id++
	}
	d.ids[name], d.taken[id] = id, true
	d.order = append(d.order, name)
	return id
}

func (d *deckIDs) json(mod int64) map[string]any {
	out := map[string]any{}
	for _, name := range d.order {
		id := d.ids[name]
		out[strconv.FormatInt(id, 10)] = map[string]any{"id": id, "name": name, "mod": mod, "usn": 0,
			"collapsed": false, "browserCollapsed": false, "desc": "", "dyn": 0, "conf": 1, "extendNew": 0,
			"extendRev": 0, "newToday": []int{0, 0}, "revToday": []int{0, 0}, "lrnToday": []int{0, 0},
			"timeToday": []int{0, 0}}
	}
	return out
}

const dconfJSON = `{"1": {"id": 1, "mod": 0, "name": "Default", "usn": 0, "maxTaken": 60, "autoplay": true,
 "timer": 0, "replayq": true, "dyn": false,
 "new": {"delays": [1, 10], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1, "perDay": 20},
 "rev": {"ease4": 1.3, "ivlFct": 1, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2},
 "lapse": {"delays": [10], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0}}}`
