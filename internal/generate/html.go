package generate

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// skipTags are elements whose content is never lesson text: code run by the
// browser, styling, navigation, page furniture and form controls.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"math": true, "iframe": true, "object": true, "canvas": true, "nav": true,
	"aside": true, "form": true, "button": true, "select": true, "textarea": true,
	"dialog": true, "video": true, "audio": true, "map": true,
	"footer": true, "menu": true,
}

// blockTags end the current paragraph when they open or close.
var blockTags = map[string]bool{
	"address": true, "article": true, "blockquote": true, "body": true, "center": true,
	"dd": true, "details": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "header": true, "hgroup": true, "hr": true, "li": true,
	"main": true, "ol": true, "p": true, "pre": true, "section": true, "summary": true,
	"table": true, "tbody": true, "td": true, "tfoot": true, "th": true, "thead": true,
	"tr": true, "ul": true, "caption": true, "html": true, "legend": true,
}

// voidTags never have an end tag.
var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true,
	"track": true, "wbr": true, "param": true,
}

// htmlTable collects the cells of one table while it is parsed.
type htmlTable struct {
	rows      [][]string
	row       []string
	thFirst   bool // every row so far began with a <th>
	rowFirst  bool // the current row's first cell was a <th>
	header    bool // the first row is made of <th> cells or sits in <thead>
	rowAllTh  bool
	start     int
	cell      textBuilder
	inCell    bool
	cellDepth int
}

// htmlParser turns an HTML token stream into blocks.
type htmlParser struct {
	out     parsed
	tb      textBuilder
	open    []string // open block-level elements
	quotes  int      // how many of them are blockquotes
	lists   []bool   // open lists, true when ordered
	listID  []int
	nextID  int
	tables  []*htmlTable
	skip    []string
	title   textBuilder
	inTitle bool
	sup     *textBuilder
	supLine int
}

// parseHTML extracts the readable text of an HTML document as blocks,
// dropping scripts, styles, navigation and other page furniture.
func parseHTML(src string, firstLine int) parsed {
	p := &htmlParser{}
	z := html.NewTokenizer(strings.NewReader(src))
	z.SetMaxBuf(0)
	line := firstLine
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		tokLine := line
		line += bytes.Count(raw, []byte{'\n'})
		switch tt {
		case html.TextToken:
			p.text(string(z.Text()), tokLine)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			p.startTag(string(name), attrs, tt == html.SelfClosingTagToken, tokLine)
		case html.EndTagToken:
			name, _ := z.TagName()
			p.endTag(string(name), tokLine)
		}
	}
	p.flush(line)
	for len(p.tables) > 0 {
		p.endTable(line)
	}
	if !p.title.empty() {
		p.out.title = siteTitle(p.title.take().s)
	}
	return p.out
}

// siteTitle drops the site name from a page title: "Saturn | Solar System
// Notes" → "Saturn".
func siteTitle(t string) string {
	for _, sep := range []string{" | ", " - ", " :: ", " · ", " » "} {
		if k := strings.Index(t, sep); k > 0 {
			t = strings.TrimSpace(t[:k])
		}
	}
	return t
}

func hiddenElement(attrs map[string]string) bool {
	if _, ok := attrs["hidden"]; ok {
		return true
	}
	if attrs["aria-hidden"] == "true" {
		return true
	}
	switch attrs["role"] {
	case "navigation", "banner", "contentinfo", "search", "menu", "menubar", "toolbar":
		return true
	}
	return false
}

// maxScan bounds how far up the open elements a lookup goes, so that
// absurdly deep nesting costs linear time, not quadratic.
const maxScan = 64

// maxOpen bounds the open-element stack; deeper elements count as inline.
const maxOpen = 4096

func (p *htmlParser) startTag(name string, attrs map[string]string, selfClosing bool, line int) {
	if len(p.skip) > 0 {
		if name == p.skip[len(p.skip)-1] && !voidTags[name] && !selfClosing {
			p.skip = append(p.skip, name)
		}
		return
	}
	if name == "title" && !selfClosing {
		p.inTitle = true
		return
	}
	// A <footer> or <cite> inside a quotation names its speaker.
	quoted := p.quotes > 0
	speaker := quoted && (name == "footer" || name == "cite")
	if (skipTags[name] && !speaker) || hiddenElement(attrs) {
		if !voidTags[name] && !selfClosing {
			p.skip = append(p.skip, name)
		}
		return
	}
	if name == "br" {
		p.addBreak(line)
		return
	}
	if name == "sup" && !selfClosing {
		p.flushSup()
		p.sup = &textBuilder{}
		p.supLine = line
		return
	}
	if name == "img" || name == "input" {
		return
	}
	if t := p.table(); t != nil && t.inCell {
		if name == "table" {
			t.cellDepth++
		}
		if name == "br" || name == "p" || name == "li" || name == "div" {
			t.cell.addSpace()
		}
		return
	}
	if !blockTags[name] && !speaker {
		return
	}
	p.flush(line)
	switch name {
	case "blockquote":
		p.quotes++
	case "ul", "ol", "menu":
		p.lists = append(p.lists, name == "ol")
		p.nextID++
		p.listID = append(p.listID, p.nextID)
	case "table":
		p.tables = append(p.tables, &htmlTable{start: line, thFirst: true})
	case "tr":
		if t := p.table(); t != nil {
			t.row = nil
			t.rowAllTh = true
		}
	case "td", "th":
		if t := p.table(); t != nil {
			t.inCell = true
			if name == "td" {
				t.rowAllTh = false
			}
			if len(t.row) == 0 {
				t.rowFirst = name == "th"
			}
		}
	case "thead":
		if t := p.table(); t != nil && len(t.rows) == 0 {
			t.header = true
		}
	case "hr":
		p.out.blocks = append(p.out.blocks, block{kind: kBreak, start: line, end: line})
		return
	}
	if !voidTags[name] && !selfClosing && len(p.open) < maxOpen {
		p.open = append(p.open, name)
	}
}

func (p *htmlParser) endTag(name string, line int) {
	if len(p.skip) > 0 {
		if p.skip[len(p.skip)-1] == name {
			p.skip = p.skip[:len(p.skip)-1]
		}
		return
	}
	if name == "title" {
		p.inTitle = false
		return
	}
	if name == "sup" {
		p.flushSup()
		return
	}
	if t := p.table(); t != nil && t.inCell {
		switch name {
		case "table":
			if t.cellDepth > 0 {
				t.cellDepth--
			}
			return
		case "td", "th":
			if t.cellDepth > 0 {
				return
			}
			t.row = append(t.row, t.cell.take().s)
			t.inCell = false
		case "tr":
			if t.cellDepth > 0 {
				return
			}
			t.row = append(t.row, t.cell.take().s)
			t.inCell = false
		default:
			if name == "p" || name == "div" || name == "li" {
				t.cell.addSpace()
			}
			return
		}
	}
	if !blockTags[name] && !(p.quotes > 0 && (name == "footer" || name == "cite")) {
		return
	}
	p.flush(line)
	switch name {
	case "ul", "ol", "menu":
		if len(p.lists) > 0 {
			p.lists = p.lists[:len(p.lists)-1]
			p.listID = p.listID[:len(p.listID)-1]
		}
	case "tr":
		if t := p.table(); t != nil {
			if len(t.row) > 0 {
				if len(t.rows) == 0 && t.rowAllTh {
					t.header = true
				}
				if len(t.row) > 1 && !t.rowFirst {
					t.thFirst = false
				}
				t.rows = append(t.rows, t.row)
			}
			t.row = nil
		}
	case "table":
		if p.table() != nil {
			p.endTable(line)
		}
	}
	// Close up to the matching element; browsers forgive unclosed tags.
	for i := len(p.open) - 1; i >= 0 && i >= len(p.open)-maxScan; i-- {
		if p.open[i] == name {
			for _, t := range p.open[i:] {
				if t == "blockquote" {
					p.quotes--
				}
			}
			p.open = p.open[:i]
			break
		}
	}
}

func (p *htmlParser) table() *htmlTable {
	if len(p.tables) == 0 {
		return nil
	}
	return p.tables[len(p.tables)-1]
}

func (p *htmlParser) endTable(line int) {
	t := p.table()
	p.tables = p.tables[:len(p.tables)-1]
	if t.inCell {
		t.row = append(t.row, t.cell.take().s)
	}
	if len(t.row) > 0 {
		t.rows = append(t.rows, t.row)
	}
	if len(t.rows) > 0 {
		p.out.blocks = append(p.out.blocks, block{kind: kTable, rows: t.rows, header: t.header, keys: t.thFirst && !t.rowAllTh, start: t.start, end: line})
	}
}

func (p *htmlParser) text(s string, line int) {
	if len(p.skip) > 0 {
		return
	}
	if p.inTitle {
		p.title.add(s, line)
		return
	}
	if p.sup != nil {
		p.sup.add(s, line)
		return
	}
	if t := p.table(); t != nil {
		if t.inCell {
			t.cell.add(s, line)
		}
		return
	}
	p.tb.add(s, line)
}

// addBreak handles <br>: inside a paragraph a line break is only a space.
func (p *htmlParser) addBreak(int) {
	if t := p.table(); t != nil && t.inCell {
		t.cell.addSpace()
		return
	}
	p.tb.addSpace()
}

// flushSup keeps superscript text unless it is a footnote mark like [1].
func (p *htmlParser) flushSup() {
	if p.sup == nil {
		return
	}
	s := p.sup.take().s
	p.sup = nil
	if isFootnoteMark(s) {
		return
	}
	p.text(s, p.supLine)
}

func isFootnoteMark(s string) bool {
	s = strings.Trim(s, "[]() ")
	if s == "" || s == "*" || s == "†" || s == "‡" {
		return true
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' && len(s) == 1) {
			return false
		}
	}
	return true
}

// flush turns the text gathered so far into a block of the kind its
// enclosing elements call for.
func (p *htmlParser) flush(int) {
	if p.tb.empty() {
		p.tb.take()
		return
	}
	t := p.tb.take()
	end := t.lineAt(len(t.s) - 1)
	b := newBlock(kPara, t, t.lineAt(0), end)
	for i := len(p.open) - 1; i >= 0 && i >= len(p.open)-maxScan; i-- {
		switch tag := p.open[i]; tag {
		case "h1", "h2", "h3", "h4", "h5", "h6":
			b.kind, b.level = kHeading, int(tag[1]-'0')
		case "li":
			b.kind, b.level = kItem, len(p.lists)
			if n := len(p.lists); n > 0 {
				b.ordered, b.list = p.lists[n-1], p.listID[n-1]
			}
		case "pre":
			b.kind = kCode
			b.code = b.s
		case "dt":
			b.kind = kTerm
		case "dd":
			b.kind = kDef
		case "footer", "cite":
			if p.quotes > 0 {
				b.kind = kAttrib
			}
		case "blockquote":
			b.kind = kQuote
		case "caption", "summary", "legend":
			b.kind = kHeading
			b.level = 6
		default:
			continue
		}
		break
	}
	p.out.blocks = append(p.out.blocks, b)
}
