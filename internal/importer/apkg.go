package importer

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"recall/internal/tempfile"
)

// Anki package variants (FORMATS §2.1).
const (
	ankiLegacy1 = 1 // collection.anki2
	ankiLegacy2 = 2 // collection.anki21
	ankiLatest  = 3 // zstd collection.anki21b, protobuf media list
)

// readPackage reads an .apkg or .colpkg: picks the collection the way Anki
// does (by the meta member, never by trying files), reads it from a private
// temporary copy, and extracts media when asked.
func readPackage(res *Result, path string, opt Options, lim limits) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	z, err := openSafeZip(f, st.Size(), lim)
	if err != nil {
		return err
	}
	variant, err := packageVariant(z)
	if err != nil {
		return err
	}
	member := map[int]string{ankiLegacy1: "collection.anki2", ankiLegacy2: "collection.anki21", ankiLatest: "collection.anki21b"}[variant]
	if !z.has(member) {
		return fmt.Errorf("Anki package lacks %s, which its format calls for", member)
	}
	tmp, err := os.CreateTemp("", "recall-anki-*.sqlite")
	if err != nil {
		return fmt.Errorf("making a temporary copy of the collection: %w", err)
	}
	tempfile.Track(tmp.Name())
	defer tempfile.Remove(tmp.Name())
	_, err = z.copyTo(tmp, member, variant == ankiLatest)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	db, err := openSQLiteRO(tmp.Name())
	if err != nil {
		return err
	}
	cr, err := readCollection(res, db, opt, deckStem(path))
	db.Close()
	if err != nil {
		return err
	}
	media, err := mediaMap(z, variant)
	if err != nil {
		return err
	}
	return handleMedia(res, z, variant, media, cr.mediaRefs, opt.MediaDir)
}

// packageVariant reads the meta member, or infers the legacy variant from
// which collection member exists.
func packageVariant(z *safeZip) (int, error) {
	if z.has("meta") {
		b, err := z.readAll("meta", false)
		if err != nil {
			return 0, err
		}
		fs, err := pbFields(b)
		if err != nil {
			return 0, fmt.Errorf("Anki package meta is damaged: %w", err)
		}
		version := uint64(0)
		for _, f := range fs {
			if f.num == 1 && !f.isLen {
				version = f.varint
			}
		}
		switch version {
		case ankiLegacy1, ankiLegacy2, ankiLatest:
			return int(version), nil
		}
		return 0, fmt.Errorf("Anki package version %d was made by a newer Anki than recall reads (1-3); export it with \"Support older Anki versions\" ticked", version)
	}
	switch {
	case z.has("collection.anki21"):
		return ankiLegacy2, nil
	case z.has("collection.anki2"):
		return ankiLegacy1, nil
	}
	return 0, fmt.Errorf("not an Anki package: no collection.anki2, collection.anki21 or collection.anki21b member")
}

// mediaMap maps zip member names ("0", "1", …) to media file names.
func mediaMap(z *safeZip, variant int) (map[string]string, error) {
	if !z.has("media") {
		return nil, nil
	}
	b, err := z.readAll("media", variant == ankiLatest)
	if err != nil {
		return nil, err
	}
	if variant != ankiLatest {
		m := map[string]string{}
		if len(strings.TrimSpace(string(b))) == 0 {
			return m, nil
		}
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("Anki package media list is damaged: %w", err)
		}
		return m, nil
	}
	entries, err := pbFields(b)
	if err != nil {
		return nil, fmt.Errorf("Anki package media list is damaged: %w", err)
	}
	m := map[string]string{}
	i := 0
	for _, e := range entries {
		if e.num != 1 || !e.isLen {
			continue
		}
		fs, err := pbFields(e.bytes)
		if err != nil {
			return nil, fmt.Errorf("Anki package media entry %d is damaged: %w", i, err)
		}
		for _, f := range fs {
			if f.num == 1 && f.isLen {
				m[fmt.Sprint(i)] = string(f.bytes)
			}
		}
		i++
	}
	return m, nil
}

// safeMediaName accepts a single path component only: no separators, no
// "..", no drive, no control characters.
func safeMediaName(name string) bool {
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, "/\\\x00") {
		return false
	}
	if len(name) >= 2 && name[1] == ':' {
		return false
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}

// handleMedia checks the media list, extracts files through an os.Root when
// dir is set, and warns about files the notes use but the package lacks.
func handleMedia(res *Result, z *safeZip, variant int, media map[string]string, refs map[string]string, dir string) error {
	have := map[string]bool{}
	members := make([]string, 0, len(media))
	for member := range media {
		members = append(members, member)
	}
	sort.Strings(members)
	var root *os.Root
	if dir != "" && len(members) > 0 {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("media folder: %w", err)
		}
		var err error
		if root, err = os.OpenRoot(dir); err != nil {
			return fmt.Errorf("media folder: %w", err)
		}
		defer root.Close()
	}
	var unsafe []string
	for _, member := range members {
		name := norm.NFC.String(media[member])
		if !safeMediaName(name) {
			unsafe = append(unsafe, fmt.Sprintf("%q", media[member]))
			continue
		}
		if !z.has(member) {
			res.warn("media file %s is listed but missing from the package", name)
			continue
		}
		have[name] = true
		if root == nil {
			continue
		}
		if err := extractMember(z, root, member, name, variant == ankiLatest); err != nil {
			return err
		}
		res.Media = append(res.Media, filepath.Join(dir, name))
	}
	if len(unsafe) > 0 {
		res.warn("refused %d media %s with unsafe names: %s", len(unsafe), plural(len(unsafe), "file", "files"), strings.Join(unsafe, ", "))
	}
	var missing []string
	for ref := range refs {
		if !have[norm.NFC.String(ref)] && safeMediaName(ref) {
			missing = append(missing, ref)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		show := missing
		if len(show) > 5 {
			show = show[:5]
		}
		res.warn("%d media %s used by notes but not in the package: %s", len(missing), plural(len(missing), "file is", "files are"), strings.Join(show, ", "))
	}
	return nil
}

func extractMember(z *safeZip, root *os.Root, member, name string, compressed bool) error {
	f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("writing media file %s: %w", name, err)
	}
	_, err = z.copyTo(f, member, compressed)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		root.Remove(name)
		return err
	}
	return nil
}

// readBareCollection reads a collection file that is not in a package.
func readBareCollection(res *Result, path string, opt Options) error {
	db, err := openSQLiteRO(path)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = readCollection(res, db, opt, deckStem(path))
	return err
}
