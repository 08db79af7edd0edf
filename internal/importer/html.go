package importer

import (
	"strings"

	"golang.org/x/net/html"
)

// htmlToText turns an Anki field (or any HTML fragment) into readable text:
// <style>, <script> and comments dropped; <br> a line break; block elements
// (<div>, <p>, <li>, <hr>, rows, headings) start new lines, <li> with "- ";
// <b>/<strong> become **emphasis** and <i>/<em> *emphasis*; <img src=X>
// becomes "[image: X]"; [sound:X] becomes "[audio: X]"; other tags vanish and
// entities are decoded once (&nbsp; as a plain space). Text is otherwise kept
// as it is (MathJax included), so that escaping plain text and converting it
// back gives the same text.
func htmlToText(s string) string {
	if strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 {
		return strings.TrimSpace(soundToAudio(s))
	}
	var out strings.Builder
	out.Grow(len(s))
	skip := 0 // depth inside <style>/<script>
	var emph []emphOpen
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			s := out.String()
			for i := len(emph) - 1; i >= 0; i-- { // markers never closed
				s = s[:emph[i].pos] + s[emph[i].pos+len(emph[i].mark):]
			}
			return strings.TrimSpace(soundToAudio(s))
		case html.TextToken:
			if skip > 0 {
				continue
			}
			t := strings.ReplaceAll(string(z.Text()), "\u00a0", " ")
			if strings.TrimSpace(t) == "" && strings.IndexByte(t, '\n') >= 0 {
				softBreak(&out) // formatting between tags, not content
				continue
			}
			out.WriteString(t)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			switch tag {
			case "style", "script":
				if tt == html.StartTagToken {
					skip++
				}
			case "br":
				out.WriteByte('\n')
			case "hr", "div", "p", "tr", "ul", "ol", "table", "blockquote", "pre",
				"h1", "h2", "h3", "h4", "h5", "h6":
				softBreak(&out)
			case "li":
				softBreak(&out)
				out.WriteString("- ")
			case "td", "th":
				if str := out.String(); str != "" && !strings.HasSuffix(str, "\n") {
					out.WriteString(" | ")
				}
			case "b", "strong", "i", "em":
				emph = append(emph, emphOpen{out.Len(), emphMark(tag)})
				out.WriteString(emphMark(tag))
			case "img":
				if src := attr(z, hasAttr, "src"); src != "" {
					out.WriteString("[image: " + src + "]")
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch tag {
			case "style", "script":
				if skip > 0 {
					skip--
				}
			case "div", "p", "li", "tr", "ul", "ol", "table", "blockquote", "pre",
				"h1", "h2", "h3", "h4", "h5", "h6":
				softBreak(&out)
			case "b", "strong", "i", "em":
				closeEmph(&out, &emph, emphMark(tag))
			}
		}
	}
}

func emphMark(tag string) string {
	if tag == "b" || tag == "strong" {
		return "**"
	}
	return "*"
}

// emphOpen is an emphasis marker written for an open <b> or <i>.
type emphOpen struct {
	pos  int
	mark string
}

// closeEmph writes the closing marker, keeping trailing spaces outside it and
// dropping the pair when nothing was emphasised. A closing tag that does not
// match the innermost open one (badly nested HTML) is ignored.
func closeEmph(out *strings.Builder, stack *[]emphOpen, mark string) {
	n := len(*stack)
	if n == 0 || (*stack)[n-1].mark != mark {
		return
	}
	open := (*stack)[n-1].pos
	*stack = (*stack)[:n-1]
	s := out.String()
	inner := s[open+len(mark):]
	if strings.TrimSpace(inner) == "" {
		out.Reset()
		out.WriteString(s[:open] + inner)
		return
	}
	trimmed := strings.TrimRight(inner, " ")
	out.Reset()
	out.WriteString(s[:open+len(mark)] + trimmed + mark + inner[len(trimmed):])
}

func softBreak(out *strings.Builder) {
	if out.Len() == 0 {
		return
	}
	s := out.String()
	if s[len(s)-1] != '\n' {
		out.WriteByte('\n')
	}
}

func attr(z *html.Tokenizer, more bool, want string) string {
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if string(k) == want {
			return string(v)
		}
	}
	return ""
}

// soundToAudio rewrites Anki's [sound:X] references as "[audio: X]".
func soundToAudio(s string) string {
	if !strings.Contains(s, "[sound:") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "[sound:")
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		b.WriteString("[audio: " + s[i+len("[sound:"):i+j] + "]")
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// escapeHTML writes plain text as an Anki HTML field: &, < and > escaped and
// line breaks as <br>, the inverse of htmlToText for plain text.
func escapeHTML(s string) string {
	if !strings.ContainsAny(s, "&<>\n") {
		return s
	}
	return htmlEscaper.Replace(s)
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\n", "<br>")

// stripHTMLMedia is Anki's stripping for the sort field and checksum: tags,
// comments, <style> and <script> removed, an image replaced by its file name
// between spaces, entities decoded and &nbsp; made a space. [sound:X] stays.
func stripHTMLMedia(s string) string {
	if strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 {
		return s
	}
	var out strings.Builder
	skip := 0
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return strings.ReplaceAll(out.String(), "\u00a0", " ")
		case html.TextToken:
			if skip == 0 {
				out.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "style", "script":
				if tt == html.StartTagToken {
					skip++
				}
			case "img":
				out.WriteString(" " + attr(z, hasAttr, "src") + " ")
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if n := string(name); (n == "style" || n == "script") && skip > 0 {
				skip--
			}
		}
	}
}

// mediaRefs lists the media file names a field refers to: <img src> values
// (entities decoded) and [sound:X] names.
func mediaRefs(s string) []string {
	var refs []string
	if strings.Contains(s, "<") {
		z := html.NewTokenizer(strings.NewReader(s))
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
				name, hasAttr := z.TagName()
				if string(name) == "img" {
					if src := attr(z, hasAttr, "src"); src != "" {
						refs = append(refs, src)
					}
				}
			}
		}
	}
	for rest := s; ; {
		i := strings.Index(rest, "[sound:")
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], ']')
		if j < 0 {
			break
		}
		refs = append(refs, rest[i+len("[sound:"):i+j])
		rest = rest[i+j+1:]
	}
	return refs
}
