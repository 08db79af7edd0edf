package quiz

import "strings"

// DiffOp says what a span of a diff does.
type DiffOp int

// The diff operations.
const (
	DiffEqual  DiffOp = iota // in both texts
	DiffDelete               // expected but missing from the given text
	DiffInsert               // given but not expected
)

// DiffSpan is one run of a character diff.
type DiffSpan struct {
	Op   DiffOp
	Text string
}

// maxDiffCells bounds the work of the character alignment; longer texts
// are compared as one changed middle between their common ends.
const maxDiffCells = 1 << 20

// Diff aligns the characters of want and got and returns the runs in order.
// Short equal runs caught between changes are folded into the changes, so
// "Paris" against "Parsi" reads as "Par", then "is" missing, then "si"
// added, rather than a scatter of single letters.
func Diff(want, got string) []DiffSpan {
	w, g := []rune(want), []rune(got)
	p := 0
	for p < len(w) && p < len(g) && w[p] == g[p] {
		p++
	}
	s := 0
	for s < len(w)-p && s < len(g)-p && w[len(w)-1-s] == g[len(g)-1-s] {
		s++
	}
	var spans []DiffSpan
	add := func(op DiffOp, r []rune) {
		if len(r) == 0 {
			return
		}
		if n := len(spans); n > 0 && spans[n-1].Op == op {
			spans[n-1].Text += string(r)
			return
		}
		spans = append(spans, DiffSpan{op, string(r)})
	}
	add(DiffEqual, w[:p])
	mw, mg := w[p:len(w)-s], g[p:len(g)-s]
	if len(mw)*len(mg) > maxDiffCells {
		add(DiffDelete, mw)
		add(DiffInsert, mg)
	} else {
		for _, sp := range merge(align(mw, mg)) {
			add(sp.Op, []rune(sp.Text))
		}
	}
	add(DiffEqual, w[len(w)-s:])
	return spans
}

// align is a longest-common-subsequence alignment of a and b.
func align(a, b []rune) []DiffSpan {
	n, m := len(a), len(b)
	// lcs[i][j] is the LCS length of a[i:] and b[j:].
	lcs := make([]int32, (n+1)*(m+1))
	at := func(i, j int) int32 { return lcs[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := max(at(i+1, j), at(i, j+1))
			if a[i] == b[j] {
				v = max(v, at(i+1, j+1)+1)
			}
			lcs[i*(m+1)+j] = v
		}
	}
	var out []DiffSpan
	push := func(op DiffOp, r rune) {
		if k := len(out); k > 0 && out[k-1].Op == op {
			out[k-1].Text += string(r)
			return
		}
		out = append(out, DiffSpan{op, string(r)})
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j] && at(i, j) == at(i+1, j+1)+1:
			push(DiffEqual, a[i])
			i, j = i+1, j+1
		case j == m || i < n && at(i+1, j) >= at(i, j+1):
			push(DiffDelete, a[i])
			i++
		default:
			push(DiffInsert, b[j])
			j++
		}
	}
	return out
}

// merge folds each equal run that is no longer than the changes on both of
// its sides into those changes, and orders every change as deletion then
// insertion.
func merge(spans []DiffSpan) []DiffSpan {
	type region struct {
		eq       bool
		del, ins string
		text     string
	}
	var rs []region
	for _, sp := range spans {
		k := len(rs)
		switch {
		case sp.Op == DiffEqual:
			rs = append(rs, region{eq: true, text: sp.Text})
		case k > 0 && !rs[k-1].eq:
			if sp.Op == DiffDelete {
				rs[k-1].del += sp.Text
			} else {
				rs[k-1].ins += sp.Text
			}
		case sp.Op == DiffDelete:
			rs = append(rs, region{del: sp.Text})
		default:
			rs = append(rs, region{ins: sp.Text})
		}
	}
	size := func(r region) int { return max(len([]rune(r.del)), len([]rune(r.ins))) }
	for changed := true; changed; {
		changed = false
		for k := 1; k+1 < len(rs); k++ {
			e := rs[k]
			if !e.eq || rs[k-1].eq || rs[k+1].eq {
				continue
			}
			if n := len([]rune(e.text)); n <= size(rs[k-1]) && n <= size(rs[k+1]) {
				joined := region{
					del: rs[k-1].del + e.text + rs[k+1].del,
					ins: rs[k-1].ins + e.text + rs[k+1].ins,
				}
				rs = append(append(rs[:k-1:k-1], joined), rs[k+2:]...)
				changed = true
				break
			}
		}
	}
	var out []DiffSpan
	for _, r := range rs {
		if r.eq {
			out = append(out, DiffSpan{DiffEqual, r.text})
			continue
		}
		if r.del != "" {
			out = append(out, DiffSpan{DiffDelete, r.del})
		}
		if r.ins != "" {
			out = append(out, DiffSpan{DiffInsert, r.ins})
		}
	}
	return out
}

// CharDiff renders Diff(want, got) compactly: "[-x-]" marks text expected
// but missing, "{+y+}" text given but not expected, e.g.
// CharDiff("Paris", "Parsi") is "Par[-is-]{+si+}". Equal texts give the text
// itself.
func CharDiff(want, got string) string {
	var b strings.Builder
	for _, sp := range Diff(want, got) {
		switch sp.Op {
		case DiffDelete:
			b.WriteString("[-" + sp.Text + "-]")
		case DiffInsert:
			b.WriteString("{+" + sp.Text + "+}")
		default:
			b.WriteString(sp.Text)
		}
	}
	return b.String()
}
