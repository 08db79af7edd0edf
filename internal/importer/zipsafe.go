package importer

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/klauspost/compress/zstd"
)

// limits caps what a package may expand to, counted while the bytes stream.
type limits struct {
	entries  int   // zip members
	total    int64 // uncompressed bytes over the whole package
	perEntry int64 // uncompressed bytes of one member (after zstd, too)
}

// defaultLimits are FORMATS §4's caps against zip bombs.
var defaultLimits = limits{entries: 100_000, total: 2 << 30, perEntry: 512 << 20}

// safeZip is a zip archive whose member names were checked and whose reads
// are capped.
type safeZip struct {
	files map[string]*zip.File
	lim   limits
	used  int64 // uncompressed bytes handed out so far
}

func openSafeZip(ra io.ReaderAt, size int64, lim limits) (*safeZip, error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("not a readable zip archive: %w", err)
	}
	if len(zr.File) > lim.entries {
		return nil, fmt.Errorf("archive has %d members, more than the limit of %d", len(zr.File), lim.entries)
	}
	z := &safeZip{files: make(map[string]*zip.File, len(zr.File)), lim: lim}
	for _, f := range zr.File {
		if !safeMemberName(f.Name) {
			return nil, fmt.Errorf("archive member %q has an unsafe path (absolute, \"..\" or a drive); refusing the archive", f.Name)
		}
		z.files[f.Name] = f
	}
	return z, nil
}

// safeMemberName refuses absolute paths, parent references, backslashes and
// drive letters.
func safeMemberName(name string) bool {
	if name == "" || strings.HasPrefix(name, "/") || strings.ContainsRune(name, '\\') || strings.ContainsRune(name, 0) {
		return false
	}
	if len(name) >= 2 && name[1] == ':' {
		return false
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return false
		}
	}
	return path.Clean(name) != ".."
}

func (z *safeZip) has(name string) bool {
	_, ok := z.files[name]
	return ok
}

// copyTo streams member name into w, zstd-decoding it when compressed is
// set, and stops with an error as soon as a cap is passed.
func (z *safeZip) copyTo(w io.Writer, name string, compressed bool) (int64, error) {
	f, ok := z.files[name]
	if !ok {
		return 0, fmt.Errorf("archive has no member %q", name)
	}
	rc, err := f.Open()
	if err != nil {
		return 0, fmt.Errorf("opening member %q: %w", name, err)
	}
	defer rc.Close()
	var src io.Reader = rc
	if compressed {
		dec, err := zstd.NewReader(rc, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(uint64(z.lim.perEntry)))
		if err != nil {
			return 0, fmt.Errorf("member %q: %w", name, err)
		}
		defer dec.Close()
		src = dec
	}
	capN := min(z.lim.perEntry, z.lim.total-z.used)
	n, err := io.Copy(w, io.LimitReader(src, capN+1))
	z.used += n
	if errors.Is(err, zstd.ErrDecoderSizeExceeded) {
		return n, fmt.Errorf("member %q expands to more than %d MiB; refusing it", name, z.lim.perEntry>>20)
	}
	if err != nil {
		return n, fmt.Errorf("reading member %q: %w", name, err)
	}
	if n > capN {
		if capN < z.lim.perEntry {
			return n, fmt.Errorf("archive expands to more than %d MiB; refusing it", z.lim.total>>20)
		}
		return n, fmt.Errorf("member %q expands to more than %d MiB; refusing it", name, z.lim.perEntry>>20)
	}
	return n, nil
}

// readAll reads a small member whole.
func (z *safeZip) readAll(name string, compressed bool) ([]byte, error) {
	var b strings.Builder
	if _, err := z.copyTo(&b, name, compressed); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}
