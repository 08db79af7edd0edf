package importer

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"recall/internal/deck"
)

// ankiCollection is the part of an Anki collection's metadata recall needs.
type ankiCollection struct {
	ver       int
	notetypes map[int64]*ankiNotetype
	decks     map[int64]string
	schedV1   bool
}

// collectionResult is what reading a collection yields besides cards.
type collectionResult struct {
	mediaRefs map[string]string // media file name → GUID of a note using it
}

// readCollection turns an Anki collection (schema 11 or 14–18) into cards,
// and its review log into reviews when opt.WithHistory is set. Cards in
// Anki's built-in "Default" deck (id 1), which only means no deck was
// chosen, go to fileDeck, named after the file, so that unrelated packages
// do not share one deck.
func readCollection(res *Result, db *sql.DB, opt Options, fileDeck string) (*collectionResult, error) {
	col, err := loadCollectionMeta(db)
	if err != nil {
		return nil, err
	}
	out := &collectionResult{mediaRefs: map[string]string{}}
	rows, err := db.Query(`SELECT c.id, c.did, c.odid, c.ord, n.id, n.guid, n.mid, n.tags, n.flds, n.data
		FROM cards c JOIN notes n ON n.id = c.nid ORDER BY c.nid, c.ord`)
	if err != nil {
		return nil, fmt.Errorf("reading cards: %w", err)
	}
	defer rows.Close()
	var cards []deck.Card
	cidToID := map[int64]string{}
	seenID := map[string]string{}
	lastNote := int64(-1)
	var fields []string
	var ids map[int]string
	mismatch := 0
	for rows.Next() {
		var cid, did, odid, nid, mid int64
		var ord int
		var guid, tags, flds, data string
		if err := rows.Scan(&cid, &did, &odid, &ord, &nid, &guid, &mid, &tags, &flds, &data); err != nil {
			return nil, fmt.Errorf("reading cards: %w", err)
		}
		nt := col.notetypes[mid]
		if nt == nil {
			if nid != lastNote {
				res.fail(0, "note %s: unknown note type %d; skipped", guid, mid)
			}
			lastNote = nid
			continue
		}
		if nid != lastNote {
			lastNote = nid
			fields = strings.Split(flds, "\x1f")
			if len(fields) != len(nt.fields) {
				mismatch++
				fields = append(fields, make([]string, max(0, len(nt.fields)-len(fields)))...)
				fields = fields[:len(nt.fields)]
			}
			ids = recallIDs(data)
			for _, f := range fields {
				for _, ref := range mediaRefs(f) {
					if _, ok := out.mediaRefs[ref]; !ok {
						out.mediaRefs[ref] = guid
					}
				}
			}
		}
		deckID := did
		if odid != 0 {
			deckID = odid // a filtered deck: the card's home deck
		}
		deckName := col.decks[deckID]
		if deckName == "" || deckID == 1 {
			deckName = fileDeck
		}
		c, msg := ankiCard(nt, fields, ord, tags, pick(opt.Deck, deckName))
		if msg != "" {
			res.skip(0, "note %s, card %d: %s", guid, ord+1, msg)
			continue
		}
		c.ID = ids[ord]
		if c.ID == "" {
			c.ID = AnkiCardID(guid, ord)
		}
		if prev, dup := seenID[c.ID]; dup {
			res.skipDuplicate(0, "note %s, card %d: same id %s as note %s", guid, ord+1, c.ID, prev)
			continue
		}
		seenID[c.ID] = guid
		c.Tags = splitAnkiTags(tags)
		cidToID[cid] = c.ID
		cards = append(cards, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading cards: %w", err)
	}
	if mismatch > 0 {
		res.warn("%d notes have a different number of fields than their note type; missing fields were left empty and extra ones dropped", mismatch)
	}
	res.Decks = groupDecks(cards)
	if opt.WithHistory {
		if err := readRevlog(res, db, col, cidToID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ankiCard makes the recall card of template (or cloze) ordinal ord of a
// note. A non-empty message says why the card is skipped.
func ankiCard(nt *ankiNotetype, fields []string, ord int, tags, deckName string) (deck.Card, string) {
	c := deck.Card{Deck: deckName, Type: deck.Basic}
	s := nt.shape
	field := func(i int) string {
		if i < 0 || i >= len(fields) {
			return ""
		}
		return htmlToText(fields[i])
	}
	switch {
	case ord < 0:
		return c, fmt.Sprintf("card ordinal %d is invalid", ord)
	case nt.cloze:
		n := ord + 1
		text := field(s.clozeField)
		c.Type, c.Ord, c.Front = deck.Cloze, n, ankiClozeFor(text, n)
		var extra []string
		for _, i := range s.extraFields {
			if v := field(i); v != "" {
				extra = append(extra, v)
			}
		}
		c.Back = strings.Join(extra, "\n")
		if !hasNum(deck.ClozeNumbers(c.Front), n) {
			if strings.TrimSpace(c.Front) == "" {
				return c, "empty front"
			}
			return c, fmt.Sprintf("the text has no deletion c%d", n)
		}
		return c, ""
	case s.reversed && ord < 2:
		c.Type, c.Ord, c.Front, c.Back = deck.Reversed, ord+1, field(s.q[0]), field(s.a[0])
		if ord == 1 && c.Back == "" {
			return c, "empty front"
		}
	case ord < len(nt.templates) && s.simple[ord]:
		c.Front, c.Back = field(s.q[ord]), field(s.a[ord])
		if s.typed[ord] {
			c.Type = deck.Typed
		}
	case ord < len(nt.templates):
		t := nt.templates[ord]
		rc := &renderContext{nt: nt, fields: fields, tags: strings.TrimSpace(tags), deck: deckName, card: t.name}
		q := rc.render(t.qfmt)
		rc.frontSide, rc.answer = q, true
		c.Front = htmlToText(q)
		c.Back = htmlToText(answerPart(rc.render(t.afmt), q))
	default:
		return c, fmt.Sprintf("note type %q has no template %d", nt.name, ord+1)
	}
	if strings.TrimSpace(c.Front) == "" {
		return c, "empty front"
	}
	return c, ""
}

// recallIDs reads the card IDs recall's own .apkg export keeps in notes.data,
// keyed by card ordinal, so that a round trip keeps IDs that are not made
// from the GUID. Anything else in notes.data is ignored.
func recallIDs(data string) map[int]string {
	if !strings.HasPrefix(data, "{") {
		return nil
	}
	var v struct {
		IDs map[string]string `json:"recall_ids"`
	}
	if json.Unmarshal([]byte(data), &v) != nil || len(v.IDs) == 0 {
		return nil
	}
	out := make(map[int]string, len(v.IDs))
	for k, id := range v.IDs {
		ord, err := strconv.Atoi(k)
		if err != nil || ord < 0 || len(id) > 200 || deck.CheckID(id) != nil {
			continue
		}
		out[ord] = id
	}
	return out
}

// loadCollectionMeta reads the version, note types, decks and scheduler
// version from either schema.
func loadCollectionMeta(db *sql.DB) (*ankiCollection, error) {
	col := &ankiCollection{notetypes: map[int64]*ankiNotetype{}, decks: map[int64]string{}}
	var models, decks, conf string
	if err := db.QueryRow(`SELECT ver, models, decks, conf FROM col`).Scan(&col.ver, &models, &decks, &conf); err != nil {
		return nil, fmt.Errorf("not an Anki collection (no col row): %w", err)
	}
	if col.ver != 11 && (col.ver < 14 || col.ver > 18) {
		if col.ver > 18 {
			return nil, fmt.Errorf("collection schema %d was made by a newer Anki than recall understands (11, 14-18); export it from Anki with \"Support older Anki versions\" ticked", col.ver)
		}
		return nil, fmt.Errorf("collection schema %d is not supported (11, 14-18)", col.ver)
	}
	var hasTables int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'`).Scan(&hasTables); err != nil {
		return nil, fmt.Errorf("reading schema: %w", err)
	}
	var err error
	if hasTables > 0 {
		err = col.loadTables(db)
	} else {
		err = col.loadJSON(models, decks, conf)
	}
	if err != nil {
		return nil, err
	}
	for _, nt := range col.notetypes {
		nt.classify()
	}
	return col, nil
}

// loadJSON reads schema 11's note types, decks and config from the col row.
func (col *ankiCollection) loadJSON(models, decks, conf string) error {
	var ms map[string]struct {
		Name string `json:"name"`
		Type int    `json:"type"`
		Flds []struct {
			Name string `json:"name"`
			Ord  int    `json:"ord"`
		} `json:"flds"`
		Tmpls []struct {
			Name string `json:"name"`
			Ord  int    `json:"ord"`
			Qfmt string `json:"qfmt"`
			Afmt string `json:"afmt"`
		} `json:"tmpls"`
	}
	if err := json.Unmarshal([]byte(models), &ms); err != nil {
		return fmt.Errorf("reading note types (col.models): %w", err)
	}
	for key, m := range ms {
		id, err := strconv.ParseInt(key, 10, 64)
		if err != nil {
			continue
		}
		nt := &ankiNotetype{id: id, name: m.Name, cloze: m.Type == 1}
		sort.SliceStable(m.Flds, func(i, j int) bool { return m.Flds[i].Ord < m.Flds[j].Ord })
		for _, f := range m.Flds {
			nt.fields = append(nt.fields, f.Name)
		}
		sort.SliceStable(m.Tmpls, func(i, j int) bool { return m.Tmpls[i].Ord < m.Tmpls[j].Ord })
		for _, t := range m.Tmpls {
			nt.templates = append(nt.templates, ankiTemplate{name: t.Name, qfmt: t.Qfmt, afmt: t.Afmt})
		}
		col.notetypes[id] = nt
	}
	var ds map[string]struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(decks), &ds); err != nil {
		return fmt.Errorf("reading decks (col.decks): %w", err)
	}
	for key, d := range ds {
		if id, err := strconv.ParseInt(key, 10, 64); err == nil {
			col.decks[id] = d.Name
		}
	}
	var c struct {
		SchedVer *int `json:"schedVer"`
	}
	if conf != "" {
		_ = json.Unmarshal([]byte(conf), &c) // a damaged conf only loses the scheduler version
	}
	col.schedV1 = c.SchedVer == nil || *c.SchedVer == 1
	return nil
}

// loadTables reads schema 15+'s notetypes, fields, templates, decks and
// config tables. Nothing is ordered by a unicase column.
func (col *ankiCollection) loadTables(db *sql.DB) error {
	rows, err := db.Query(`SELECT id, name, config FROM notetypes`)
	if err != nil {
		return fmt.Errorf("reading note types: %w", err)
	}
	for rows.Next() {
		var id int64
		var name string
		var config []byte
		if err := rows.Scan(&id, &name, &config); err != nil {
			rows.Close()
			return fmt.Errorf("reading note types: %w", err)
		}
		nt := &ankiNotetype{id: id, name: name}
		if fs, err := pbFields(config); err == nil {
			for _, f := range fs {
				if f.num == 1 && !f.isLen {
					nt.cloze = f.varint == 1
				}
			}
		}
		col.notetypes[id] = nt
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading note types: %w", err)
	}
	if err := eachRow(db, `SELECT ntid, ord, name FROM fields ORDER BY ntid, ord`, func(r *sql.Rows) error {
		var ntid int64
		var ord int
		var name string
		if err := r.Scan(&ntid, &ord, &name); err != nil {
			return err
		}
		if nt := col.notetypes[ntid]; nt != nil {
			nt.fields = append(nt.fields, name)
		}
		return nil
	}); err != nil {
		return fmt.Errorf("reading fields: %w", err)
	}
	if err := eachRow(db, `SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord`, func(r *sql.Rows) error {
		var ntid int64
		var ord int
		var name string
		var config []byte
		if err := r.Scan(&ntid, &ord, &name, &config); err != nil {
			return err
		}
		t := ankiTemplate{name: name}
		if fs, err := pbFields(config); err == nil {
			for _, f := range fs {
				switch {
				case f.num == 1 && f.isLen:
					t.qfmt = string(f.bytes)
				case f.num == 2 && f.isLen:
					t.afmt = string(f.bytes)
				}
			}
		}
		if nt := col.notetypes[ntid]; nt != nil {
			nt.templates = append(nt.templates, t)
		}
		return nil
	}); err != nil {
		return fmt.Errorf("reading templates: %w", err)
	}
	if err := eachRow(db, `SELECT id, name FROM decks`, func(r *sql.Rows) error {
		var id int64
		var name string
		if err := r.Scan(&id, &name); err != nil {
			return err
		}
		col.decks[id] = strings.ReplaceAll(name, "\x1f", "::")
		return nil
	}); err != nil {
		return fmt.Errorf("reading decks: %w", err)
	}
	var val []byte
	err = db.QueryRow(`SELECT val FROM config WHERE KEY = 'schedVer'`).Scan(&val)
	switch {
	case err == sql.ErrNoRows:
		col.schedV1 = true
	case err != nil:
		return fmt.Errorf("reading config: %w", err)
	default:
		v, _ := strconv.Atoi(strings.TrimSpace(string(val)))
		col.schedV1 = v <= 1
	}
	return nil
}

func eachRow(db *sql.DB, query string, f func(*sql.Rows) error) error {
	rows, err := db.Query(query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := f(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// revRow is one revlog row.
type revRow struct {
	id                int64
	ease, typ, factor int
	ms                int64
}

// readRevlog turns the review log into recall reviews following Anki's own
// rules for rebuilding memory state (FORMATS §2.4 steps 1-3).
func readRevlog(res *Result, db *sql.DB, col *ankiCollection, cidToID map[int64]string) error {
	rows, err := db.Query(`SELECT id, cid, ease, type, factor, time FROM revlog ORDER BY cid, id`)
	if err != nil {
		return fmt.Errorf("reading review log: %w", err)
	}
	defer rows.Close()
	var cur []revRow
	curCID := int64(0)
	incomplete := 0
	flush := func() {
		id, ok := cidToID[curCID]
		if !ok || len(cur) == 0 {
			return
		}
		kept, full := reviewsForCard(cur, col.schedV1)
		if !full {
			incomplete++
		}
		for _, r := range kept {
			res.Reviews = append(res.Reviews, Review{CardID: id, Time: time.UnixMilli(r.id).UTC(),
				Rating: r.ease, Duration: time.Duration(max(r.ms, 0)) * time.Millisecond})
		}
	}
	for rows.Next() {
		var r revRow
		var cid int64
		if err := rows.Scan(&r.id, &cid, &r.ease, &r.typ, &r.factor, &r.ms); err != nil {
			return fmt.Errorf("reading review log: %w", err)
		}
		if cid != curCID {
			flush()
			cur, curCID = cur[:0], cid
		}
		cur = append(cur, r)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading review log: %w", err)
	}
	flush()
	if incomplete > 0 {
		res.warn("history incomplete for %d %s (no first learning review in the log); their memory state has to be estimated", incomplete, plural(incomplete, "card", "cards"))
	}
	return nil
}

// reviewsForCard keeps the graded reviews of a card's current life: V1
// learning buttons shifted to V2's, rows before the newest learning run (or
// a reset) dropped, then non-answers (ease 0) and cram reviews dropped. full
// is false when no learning run or reset marks where the history starts.
func reviewsForCard(rows []revRow, v1 bool) (kept []revRow, full bool) {
	if v1 {
		for i := range rows {
			if (rows[i].typ == 0 || rows[i].typ == 2) && (rows[i].ease == 2 || rows[i].ease == 3) {
				rows[i].ease++
			}
		}
	}
	graded := func(r revRow) bool { return r.ease >= 1 && r.ease <= 4 }
	learning := func(r revRow) bool { return r.typ == 0 && graded(r) }
	start := -1
	for i := len(rows) - 1; i >= 0 && start < 0; i-- {
		switch {
		case rows[i].typ == 4 && rows[i].factor == 0 && !graded(rows[i]):
			start = i + 1
		case learning(rows[i]):
			j := i
			for j > 0 && learning(rows[j-1]) {
				j--
			}
			start = j
		}
	}
	full = start >= 0
	if start < 0 {
		start = 0
	}
	for _, r := range rows[start:] {
		if !graded(r) || (r.typ == 3 && r.factor == 0) {
			continue
		}
		kept = append(kept, r)
	}
	if len(kept) == 0 {
		full = true // nothing to rebuild: the card is new
	}
	return kept, full
}
