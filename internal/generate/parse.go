package generate

import (
	"regexp"
	"strings"
)

// listLevel is one open list item: the column of its marker and of its text.
type listLevel struct {
	marker, content int
	id              int
	ordered         bool
}

// lineParser reads Markdown (plain == false) or plain text line by line
// into blocks. Plain text gets the same lists, fences and underlined
// headings plus the habits of plain files: bullets such as "•" and "–",
// headings as short lines of their own, speakers under quotations, code
// recognised by its look.
type lineParser struct {
	lines []string
	nums  []int // source line number of each line
	plain bool
	out   parsed

	para      []string
	paraStart int // index into lines of para[0]
	paraKind  kind
	paraLevel int
	paraList  int
	paraOrd   bool

	items    []listLevel
	nextList int
	blank    bool // the previous line was blank
}

func newLineParser(lines []string, nums []int, plain bool) *lineParser {
	return &lineParser{lines: lines, nums: nums, plain: plain}
}

// parseLines parses a whole document of the given flavour.
func parseLines(src string, plain bool) parsed {
	lines := strings.Split(src, "\n")
	nums := make([]int, len(lines))
	for i := range nums {
		nums[i] = i + 1
	}
	p := newLineParser(lines, nums, plain)
	i := 0
	if !plain {
		i = p.frontMatter()
	}
	p.run(i)
	if plain {
		p.out.blocks = plainStructure(p.out.blocks)
	}
	return p.out
}

var (
	reATX       = regexp.MustCompile(`^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	reSetext    = regexp.MustCompile(`^(=+|-+)[ \t]*$`)
	reRule      = regexp.MustCompile(`^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	reFence     = regexp.MustCompile("^(`{3,}|~{3,})")
	reTableSep  = regexp.MustCompile(`^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)
	reLinkDef   = regexp.MustCompile(`^\[[^\]]+\]:[ \t]*\S`)
	reHTMLBlock = regexp.MustCompile(`^<(?:!--|/?([A-Za-z][A-Za-z0-9-]*)(?:[\s/>]|$))`)
)

// frontMatter skips a YAML (---) or TOML (+++) header, taking its title.
func (p *lineParser) frontMatter() int {
	if len(p.lines) == 0 {
		return 0
	}
	delim := strings.TrimSpace(p.lines[0])
	if delim != "---" && delim != "+++" {
		return 0
	}
	for i := 1; i < len(p.lines) && i < 500; i++ {
		l := strings.TrimSpace(p.lines[i])
		if l == delim || delim == "---" && l == "..." {
			return i + 1
		}
		for _, key := range []string{"title:", "title =", "title="} {
			if strings.HasPrefix(strings.ToLower(l), key) {
				v := strings.TrimSpace(l[len(key):])
				v = strings.Trim(v, `"'`)
				p.out.title = normalizeInline(v)
			}
		}
	}
	p.out.title = ""
	return 0
}

func (p *lineParser) run(i int) {
	for i < len(p.lines) {
		i = p.step(i)
	}
	p.flush()
}

// step handles the line at index i and returns the index of the next line
// to read.
func (p *lineParser) step(i int) int {
	line := p.lines[i]
	if isBlank(line) {
		if p.paraKind == kItem && len(p.para) > 0 {
			// A blank line inside an item ends it only if what follows is
			// not indented under it.
			p.para = append(p.para, "")
		} else {
			p.flush()
		}
		p.blank = true
		return i + 1
	}
	wasBlank := p.blank
	p.blank = false
	w, off := indentOf(line)
	t := line[off:]
	inItem := len(p.items) > 0
	if inItem && wasBlank {
		top := p.items[len(p.items)-1]
		if _, _, isItem := listMarker(line, p.plain); !isItem && w < top.content {
			p.flush()
			p.items = nil
			inItem = false
		} else if !isItem && p.paraKind == kItem {
			// An indented paragraph continues the item.
			if m := reFence.FindString(t); m == "" {
				p.para = append(p.para, t)
				return i + 1
			}
		}
	}
	if p.paraKind == kItem && len(p.para) > 0 && p.para[len(p.para)-1] == "" {
		p.trimItemBlanks()
	}
	if m := reFence.FindString(t); m != "" && (w <= 3 || inItem) {
		p.flush()
		return p.fenced(i, m)
	}
	if w >= 4 && len(p.para) == 0 && !inItem {
		if j, ok := p.indentedCode(i); ok {
			return j
		}
	}
	if w <= 3 {
		if m := reATX.FindStringSubmatch(t); m != nil && (!p.plain || m[2] != "") {
			p.flush()
			p.items = nil
			p.emitLine(kHeading, len(m[1]), m[2], i)
			return i + 1
		}
		if reSetext.MatchString(t) && len(p.para) > 0 && p.paraKind == kPara {
			level := 1
			if t[0] == '-' {
				level = 2
			}
			p.paraKind, p.paraLevel = kHeading, level
			p.flush()
			return i + 1
		}
		if reRule.MatchString(t) {
			p.flush()
			p.items = nil
			p.out.blocks = append(p.out.blocks, block{kind: kBreak, start: p.nums[i], end: p.nums[i]})
			return i + 1
		}
		if t[0] == '>' && (!p.plain || len(p.para) == 0) {
			p.flush()
			p.items = nil
			return p.quote(i)
		}
		if strings.Contains(t, "|") && i+1 < len(p.lines) && reTableSep.MatchString(strings.TrimSpace(p.lines[i+1])) && strings.Contains(p.lines[i+1], "-") {
			p.flush()
			p.items = nil
			return p.table(i)
		}
	}
	if p.plain && len(p.para) == 0 && len(p.out.blocks) > 0 {
		if prev := p.out.blocks[len(p.out.blocks)-1]; (prev.kind == kPara || prev.kind == kQuote) && isSpeakerLine(t) {
			p.flush()
			p.emitLine(kAttrib, 0, strings.TrimLeft(t, "-–—―~ "), i)
			return i + 1
		}
	}
	if textOff, ordered, ok := listMarker(line, p.plain); ok && line[textOff:] != "" {
		p.item(i, w, textOff, ordered)
		return i + 1
	}
	if !p.plain && len(p.para) == 0 && w <= 3 {
		if m := reHTMLBlock.FindStringSubmatch(t); m != nil {
			return p.htmlBlock(i, strings.ToLower(m[1]))
		}
		if reLinkDef.MatchString(t) {
			return i + 1
		}
	}
	if strings.HasPrefix(t, ": ") && len(p.para) == 1 && p.paraKind == kPara {
		p.paraKind = kTerm
		p.flush()
		p.para, p.paraStart, p.paraKind = []string{t[2:]}, i, kDef
		return i + 1
	}
	if len(p.para) == 0 {
		p.paraStart, p.paraKind, p.paraLevel = i, kPara, 0
		if inItem && !wasBlank {
			// A lazy continuation line after a nested block.
			top := p.items[len(p.items)-1]
			p.paraKind, p.paraLevel, p.paraList, p.paraOrd = kItem, len(p.items), top.id, top.ordered
		}
	}
	p.para = append(p.para, t)
	return i + 1
}

// trimItemBlanks drops blank lines at the end of an item being collected
// when the item goes on with a new paragraph; they only separated it.
func (p *lineParser) trimItemBlanks() {
	for len(p.para) > 0 && p.para[len(p.para)-1] == "" {
		p.para = p.para[:len(p.para)-1]
	}
	p.para = append(p.para, "")
}

// item starts a list item at line i whose marker is at column w.
func (p *lineParser) item(i, w, textOff int, ordered bool) {
	p.flush()
	contentCol, _ := indentOf(strings.Repeat(" ", textOff))
	contentCol = max(contentCol, w+2)
	id := 0
	for len(p.items) > 0 {
		top := p.items[len(p.items)-1]
		if w >= top.content {
			break
		}
		p.items = p.items[:len(p.items)-1]
		if w >= top.marker-1 && w <= top.marker+1 || len(p.items) == 0 {
			id = top.id
			if top.ordered != ordered {
				id = 0
			}
			break
		}
	}
	if id == 0 {
		p.nextList++
		id = p.nextList
	}
	p.items = append(p.items, listLevel{marker: w, content: contentCol, id: id, ordered: ordered})
	text := p.lines[i][textOff:]
	text = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(text, "[ ] "), "[x] "), "[X] ")
	p.para = []string{text}
	p.paraStart, p.paraKind, p.paraLevel, p.paraList, p.paraOrd = i, kItem, len(p.items), id, ordered
}

// fenced reads a fenced code block opening at line i.
func (p *lineParser) fenced(i int, fence string) int {
	j := i + 1
	for ; j < len(p.lines); j++ {
		_, off := indentOf(p.lines[j])
		t := strings.TrimSpace(p.lines[j][off:])
		if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
			break
		}
	}
	end := min(j, len(p.lines)-1)
	code := strings.Join(p.lines[min(i+1, end):end], "\n")
	p.out.blocks = append(p.out.blocks, block{kind: kCode, start: p.nums[i], end: p.nums[end], code: code})
	return j + 1
}

// indentedCode reads a block of lines indented by four or more columns.
// In plain text only lines that look like code count: an indented
// paragraph there is usually still prose.
func (p *lineParser) indentedCode(i int) (int, bool) {
	j := i
	code := 0
	for j < len(p.lines) {
		w, _ := indentOf(p.lines[j])
		if !isBlank(p.lines[j]) && w < 4 {
			break
		}
		if codeLike(p.lines[j]) {
			code++
		}
		j++
	}
	for j > i && isBlank(p.lines[j-1]) {
		j--
	}
	if p.plain && code == 0 {
		return i, false
	}
	p.out.blocks = append(p.out.blocks, block{kind: kCode, start: p.nums[i], end: p.nums[j-1], code: strings.Join(p.lines[i:j], "\n")})
	return j, true
}

// quote reads a block quotation ("> ..."); a last paragraph such as
// "— Ada Lovelace" names the speaker.
func (p *lineParser) quote(i int) int {
	var inner []string
	var nums []int
	j := i
	for ; j < len(p.lines); j++ {
		_, off := indentOf(p.lines[j])
		t := p.lines[j][off:]
		if t == "" || t[0] != '>' {
			if isBlank(t) || len(inner) == 0 || isBlank(inner[len(inner)-1]) {
				break
			}
			inner = append(inner, t) // lazy continuation
			nums = append(nums, p.nums[j])
			continue
		}
		for t != "" && t[0] == '>' {
			t = strings.TrimPrefix(strings.TrimPrefix(t, ">"), " ")
		}
		inner = append(inner, t)
		nums = append(nums, p.nums[j])
	}
	sub := newLineParser(inner, nums, p.plain)
	sub.nextList = p.nextList + 1000
	sub.run(0)
	for _, b := range sub.out.blocks {
		switch b.kind {
		case kPara:
			if isSpeakerLine(b.s) && strings.IndexAny(b.s, "-–—―~") == 0 {
				b.kind = kAttrib
				b.s = strings.TrimLeft(b.s, "-–—―~ ")
			} else {
				b.kind = kQuote
			}
		case kItem:
			b.kind = kQuote
		}
		p.out.blocks = append(p.out.blocks, b)
	}
	return j
}

// table reads a pipe table whose header is at line i.
func (p *lineParser) table(i int) int {
	rows := [][]string{splitRow(p.lines[i], p.plain)}
	j := i + 2
	for ; j < len(p.lines); j++ {
		if isBlank(p.lines[j]) || !strings.Contains(p.lines[j], "|") {
			break
		}
		rows = append(rows, splitRow(p.lines[j], p.plain))
	}
	p.out.blocks = append(p.out.blocks, block{kind: kTable, rows: rows, header: true, start: p.nums[i], end: p.nums[j-1]})
	return j
}

// splitRow splits a table row at pipes outside code spans.
func splitRow(line string, plain bool) []string {
	s := strings.TrimSpace(line)
	s = strings.TrimPrefix(s, "|")
	if strings.HasSuffix(s, "|") && !strings.HasSuffix(s, `\|`) {
		s = s[:len(s)-1]
	}
	var cells []string
	var cur strings.Builder
	code := false
	for k := 0; k < len(s); k++ {
		c := s[k]
		switch {
		case c == '\\' && k+1 < len(s) && s[k+1] == '|':
			cur.WriteByte('|')
			k++
			continue
		case c == '`':
			code = !code
		case c == '|' && !code:
			cells = append(cells, cleanCell(cur.String(), plain))
			cur.Reset()
			continue
		}
		cur.WriteByte(c)
	}
	return append(cells, cleanCell(cur.String(), plain))
}

func cleanCell(s string, plain bool) string {
	return normalizeInline(stripInline(s, !plain))
}

// htmlBlock reads raw HTML inside Markdown and parses it as HTML.
func (p *lineParser) htmlBlock(i int, tag string) int {
	j := i
	var end string
	switch {
	case strings.HasPrefix(strings.TrimSpace(p.lines[i]), "<!--"):
		end = "-->"
	case tag == "script" || tag == "style" || tag == "pre" || tag == "textarea":
		end = "</" + tag + ">"
	}
	for ; j < len(p.lines); j++ {
		if end != "" {
			if strings.Contains(strings.ToLower(p.lines[j]), end) {
				j++
				break
			}
			continue
		}
		if isBlank(p.lines[j]) {
			break
		}
	}
	src := strings.Join(p.lines[i:j], "\n")
	sub := parseHTML(src, p.nums[i])
	p.out.blocks = append(p.out.blocks, sub.blocks...)
	return j
}

// emitLine adds a one-line block of kind k made from s at line index i.
func (p *lineParser) emitLine(k kind, level int, s string, i int) {
	var tb textBuilder
	tb.add(stripInline(s, !p.plain), p.nums[i])
	if tb.empty() {
		return
	}
	b := newBlock(k, tb.take(), p.nums[i], p.nums[i])
	b.level = level
	if !p.plain {
		b.codes = inlineCodes(s)
	}
	p.out.blocks = append(p.out.blocks, b)
}

// flush turns the lines collected so far into a block.
func (p *lineParser) flush() {
	for len(p.para) > 0 && p.para[len(p.para)-1] == "" {
		p.para = p.para[:len(p.para)-1]
	}
	if len(p.para) == 0 {
		p.para = nil
		return
	}
	last := p.paraStart + len(p.para) - 1
	if p.plain && p.paraKind == kPara {
		if k := codeRun(p.para); k > 0 {
			// Code lines first ("func New(size int) *Buffer"), prose after.
			code := p.para[:k]
			p.out.blocks = append(p.out.blocks, block{kind: kCode, start: p.nums[p.paraStart], end: p.nums[p.paraStart+k-1], code: strings.Join(code, "\n")})
			p.para = p.para[k:]
			p.paraStart += k
			if len(p.para) == 0 {
				p.para = nil
				return
			}
		}
		if mostlyCode(p.para) {
			p.out.blocks = append(p.out.blocks, block{kind: kCode, start: p.nums[p.paraStart], end: p.nums[last], code: strings.Join(p.para, "\n")})
			p.para = nil
			return
		}
	}
	var speaker string
	if n := len(p.para); n >= 2 && p.paraKind != kItem && isSpeakerLine(p.para[n-1]) {
		// "... inflexible."\n— Maximilien Robespierre
		speaker = p.para[n-1]
		p.para = p.para[:n-1]
		last--
	}
	var tb textBuilder
	raw := strings.Join(p.para, "\n")
	tb.add(stripInline(raw, !p.plain), p.nums[p.paraStart])
	p.para = nil
	if speaker != "" {
		defer p.emitLine(kAttrib, 0, strings.TrimLeft(strings.TrimSpace(speaker), "-–—―~ "), last+1)
	}
	if tb.empty() {
		return
	}
	b := newBlock(p.paraKind, tb.take(), p.nums[p.paraStart], p.nums[last])
	b.level = p.paraLevel
	if !p.plain {
		b.codes = inlineCodes(raw)
	}
	if p.paraKind == kItem {
		b.list, b.ordered = p.paraList, p.paraOrd
	}
	p.out.blocks = append(p.out.blocks, b)
}

// codeRun returns how many leading lines look like code when prose
// follows them; 0 when they do not.
func codeRun(lines []string) int {
	k := 0
	for k < len(lines) && codeLike(lines[k]) {
		k++
	}
	if k == len(lines) {
		return 0
	}
	return k
}

// mostlyCode reports lines of which at least half look like code.
func mostlyCode(lines []string) bool {
	code, n := 0, 0
	for _, l := range lines {
		if isBlank(l) {
			continue
		}
		n++
		if codeLike(l) {
			code++
		}
	}
	return n > 0 && code*2 >= n
}
