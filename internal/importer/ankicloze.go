package importer

import (
	"strconv"
	"strings"

	"recall/internal/deck"
)

// clozeNode is a piece of an Anki cloze text: plain text, or a deletion with
// its numbers ({{c1,2::…}} has two), content and hint. Deletions nest.
type clozeNode struct {
	text     string
	nums     []int
	children []clozeNode
	hint     string
	cloze    bool
}

// parseAnkiCloze parses Anki's cloze markup, nesting and multi-number
// deletions included (FORMATS §2.5). The hint is whatever follows the first
// "::" inside a deletion. A deletion that never closes is text: its opener is
// taken literally and the rest parsed again.
func parseAnkiCloze(s string) []clozeNode {
	literal := map[int]bool{}
	for range 64 {
		nodes, unclosed := parseClozeOnce(s, literal)
		if unclosed < 0 {
			return nodes
		}
		literal[unclosed] = true
	}
	return []clozeNode{{text: s}} // pathological input: keep it as text
}

// parseClozeOnce parses with the openers at the offsets in literal read as
// text. It returns the offset of the outermost unclosed opener, or -1.
func parseClozeOnce(s string, literal map[int]bool) ([]clozeNode, int) {
	type frame struct {
		node   clozeNode
		start  int
		inHint bool
	}
	var top []clozeNode
	var stack []*frame
	appendText := func(t string) {
		if len(stack) == 0 {
			top = appendTextNode(top, t)
			return
		}
		f := stack[len(stack)-1]
		if f.inHint {
			f.node.hint += t
			return
		}
		f.node.children = appendTextNode(f.node.children, t)
	}
	for i := 0; i < len(s); {
		if nums, n := clozeOpener(s[i:]); n > 0 && !literal[i] {
			stack = append(stack, &frame{node: clozeNode{cloze: true, nums: nums}, start: i})
			i += n
			continue
		}
		if len(stack) > 0 && strings.HasPrefix(s[i:], "}}") {
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				top = append(top, f.node)
			} else {
				p := stack[len(stack)-1]
				p.node.children = append(p.node.children, f.node)
			}
			i += 2
			continue
		}
		if len(stack) > 0 && !stack[len(stack)-1].inHint && strings.HasPrefix(s[i:], "::") {
			stack[len(stack)-1].inHint = true
			i += 2
			continue
		}
		j := i + 1
		for j < len(s) && s[j] != '{' && s[j] != '}' && s[j] != ':' {
			j++
		}
		appendText(s[i:j])
		i = j
	}
	if len(stack) > 0 {
		return nil, stack[0].start
	}
	return top, -1
}

func appendTextNode(nodes []clozeNode, t string) []clozeNode {
	if k := len(nodes); k > 0 && !nodes[k-1].cloze {
		nodes[k-1].text += t
		return nodes
	}
	return append(nodes, clozeNode{text: t})
}

// clozeOpener matches "{{c1::" or "{{c1,2::" at the start of s.
func clozeOpener(s string) ([]int, int) {
	if !strings.HasPrefix(s, "{{c") && !strings.HasPrefix(s, "{{C") {
		return nil, 0
	}
	i := 3
	var nums []int
	for {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i || j-i > 6 {
			return nil, 0
		}
		n, _ := strconv.Atoi(s[i:j])
		nums = append(nums, n)
		if j < len(s) && s[j] == ',' {
			i = j + 1
			continue
		}
		if strings.HasPrefix(s[j:], "::") {
			return nums, j + 2
		}
		return nil, 0
	}
}

// clozeSimple reports a text whose deletions have one number each and do
// not nest, which recall's canonical markup holds as it is.
func clozeSimple(nodes []clozeNode) bool {
	for _, n := range nodes {
		if !n.cloze {
			continue
		}
		if len(n.nums) != 1 {
			return false
		}
		for _, c := range n.children {
			if c.cloze {
				return false
			}
		}
	}
	return true
}

// renderNodes writes nodes in canonical markup for card number ask:
// deletions that include ask are marked (their nested deletions shown as
// text), the others are shown with their nested deletions rendered the same
// way. With keepAll every deletion keeps its own number (for simple texts);
// with ask < 0 and keepAll unset everything is plain text.
func renderNodes(nodes []clozeNode, ask int, keepAll bool) string {
	var b strings.Builder
	for _, n := range nodes {
		if !n.cloze {
			b.WriteString(n.text)
			continue
		}
		switch {
		case keepAll:
			b.WriteString(deck.MakeCloze(n.nums[0], renderNodes(n.children, -1, false), n.hint))
		case ask >= 0 && hasNum(n.nums, ask):
			b.WriteString(deck.MakeCloze(ask, renderNodes(n.children, -1, false), n.hint))
		default:
			b.WriteString(renderNodes(n.children, ask, false))
		}
	}
	return b.String()
}

func hasNum(nums []int, n int) bool {
	for _, m := range nums {
		if m == n {
			return true
		}
	}
	return false
}

// ankiClozeFor is the recall cloze text of card number n of an Anki cloze
// text: the text itself (shared by all its cards) when it is simple, else a
// text where only deletion n is marked.
func ankiClozeFor(s string, n int) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	nodes := parseAnkiCloze(s)
	if clozeSimple(nodes) {
		return renderNodes(nodes, -1, true)
	}
	return renderNodes(nodes, n, false)
}
