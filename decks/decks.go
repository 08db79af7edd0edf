// Package decks embeds recall's built-in decks and the documents they were
// generated from, so that a fresh install has something to learn.
package decks

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed *.md *.txt
var files embed.FS

// File is one embedded file.
type File struct {
	Name string
	Data []byte
}

// Builtin returns the built-in decks (*.md) in name order.
func Builtin() []File {
	entries, _ := fs.ReadDir(files, ".")
	var out []File
	for _, e := range entries {
		if path.Ext(e.Name()) != ".md" {
			continue
		}
		data, err := files.ReadFile(e.Name())
		if err != nil {
			continue
		}
		out = append(out, File{Name: e.Name(), Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Source returns the source document a built-in deck was generated from,
// by the document's file name (e.g. "new-productive-forces.txt").
func Source(name string) ([]byte, bool) {
	if strings.Contains(name, "/") {
		return nil, false
	}
	data, err := files.ReadFile(name)
	return data, err == nil
}
