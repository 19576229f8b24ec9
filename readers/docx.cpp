// A .docx read into text. Why pugixml rather than libxml2 or expat: the reader needs random access across
// parts (numbering.xml and styles.xml are looked up while document.xml is walked, tracked changes nest
// runs in w:ins/w:del), which a DOM gives and a SAX parser (expat) would make a state machine of; pugixml
// never reads a DTD or expands an entity other than the five predefined ones and character references,
// so entity bombs and external entities cannot happen (libxml2 needs options to be safe), reports a
// parse error with its byte offset, and keeps each node's offset in the part, which the origin anchors use.
// XML namespaces are matched by the prefix the root binds to WordprocessingML's namespace, usually "w".
#include "readers/docx.hpp"

#include "grammar/parser.hpp"
#include "readers/detail/numbering.hpp"
#include "readers/detail/repair.hpp"
#include "readers/detail/zip.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <map>
#include <memory>

namespace resdraft::readers {
namespace {

using detail::zip_archive;

constexpr const char* wordml_namespaces[] = {"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                             "http://purl.oclc.org/ooxml/wordprocessingml/main"};

// A parsed XML part, with the prefix its root binds to WordprocessingML ("w:", or "" for a default namespace).
struct part {
    std::unique_ptr<pugi::xml_document> xml;
    std::string prefix;

    // The local name of `n` when it is in WordprocessingML's namespace, else "".
    [[nodiscard]] std::string_view local(pugi::xml_node n) const {
        const std::string_view name = n.name();
        if (!name.starts_with(prefix)) return {};
        const std::string_view rest = name.substr(prefix.size());
        return rest.find(':') == std::string_view::npos ? rest : std::string_view{};
    }
    [[nodiscard]] pugi::xml_node child(pugi::xml_node n, std::string_view name) const {
        for (pugi::xml_node c : n.children())
            if (local(c) == name) return c;
        return {};
    }
    [[nodiscard]] const char* attribute(pugi::xml_node n, std::string_view name) const {
        for (pugi::xml_attribute a : n.attributes()) {
            const std::string_view an = a.name();
            if (an.size() == prefix.size() + name.size() && an.starts_with(prefix) && an.substr(prefix.size()) == name)
                return a.value();
        }
        return nullptr;
    }
    // The w:val of child `name` of `n`, or nullptr when either is missing.
    [[nodiscard]] const char* value_of(pugi::xml_node n, std::string_view name) const {
        const pugi::xml_node c = child(n, name);
        return c ? attribute(c, "val") : nullptr;
    }
};

std::optional<int> to_int(const char* s) {
    if (s == nullptr) return std::nullopt;
    int v = 0;
    const char* end = s + std::strlen(s);
    const auto [at, ec] = std::from_chars(s, end, v);
    if (ec != std::errc() || at != end) return std::nullopt;
    return v;
}

// An on/off property (w:vanish, w:isLgl): on unless its w:val says false.
bool is_on(const part& p, pugi::xml_node n) {
    if (!n) return false;
    const char* v = p.attribute(n, "val");
    return v == nullptr || !(std::strcmp(v, "0") == 0 || std::strcmp(v, "false") == 0 || std::strcmp(v, "off") == 0);
}

std::string lowercase_first(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

// Reads and parses part `name` of the archive; nothing when it is absent.
std::variant<std::optional<part>, read_error> load_part(zip_archive& zip, const std::string& name) {
    auto bytes = zip.read(name);
    if (auto* e = std::get_if<read_error>(&bytes)) return std::move(*e);
    auto& text = std::get<std::optional<std::string>>(bytes);
    if (!text) return std::optional<part>();
    // checked as text first: pugixml takes any bytes, and the parser's messages name the byte
    if (auto bad = grammar::check_text_encoding(*text))
        return read_error{name + ": not UTF-8 XML: " + bad->message + " (byte " + std::to_string(bad->offset) + " of " + name + ")",
                          std::nullopt};
    part p;
    p.xml = std::make_unique<pugi::xml_document>();
    const auto parsed = p.xml->load_buffer(text->data(), text->size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!parsed)
        return read_error{name + ": XML error: " + lowercase_first(parsed.description()) + " (byte " + std::to_string(parsed.offset) +
                              " of " + name + ")",
                          std::nullopt};
    const pugi::xml_node root = p.xml->document_element();
    p.prefix = "w:";
    for (pugi::xml_attribute a : root.attributes()) {
        const std::string_view an = a.name();
        for (const char* ns : wordml_namespaces) {
            if (std::strcmp(a.value(), ns) != 0) continue;
            if (an == "xmlns") p.prefix.clear();
            else if (an.starts_with("xmlns:")) p.prefix = std::string(an.substr(6)) + ":";
        }
    }
    return std::optional<part>(std::move(p));
}

// The targets of word/_rels/document.xml.rels by relationship type ("numbering" -> "word/numbering.xml").
std::map<std::string, std::string> relationship_targets(const std::optional<part>& rels) {
    std::map<std::string, std::string> targets;
    if (!rels) return targets;
    for (pugi::xml_node r : rels->xml->document_element().children()) {
        const std::string_view type = r.attribute("Type").value();
        std::string target = r.attribute("Target").value();
        if (std::strcmp(r.attribute("TargetMode").value(), "External") == 0 || target.empty()) continue;
        const auto slash = type.rfind('/');
        if (slash == std::string_view::npos) continue;
        target = target[0] == '/' ? target.substr(1) : "word/" + target;
        targets.emplace(std::string(type.substr(slash + 1)), target);
    }
    return targets;
}

// A paragraph style's numbering (w:style/w:pPr/w:numPr), and the style it is based on.
struct style_info {
    std::optional<int> num_id, level;
    std::string based_on;
};

struct styles {
    std::map<std::string, style_info> by_id;
    std::string default_paragraph;  // the style of a paragraph that names none
};

styles read_styles(const std::optional<part>& p) {
    styles out;
    if (!p) return out;
    for (pugi::xml_node s : p->xml->document_element().children()) {
        if (p->local(s) != "style") continue;
        const char* type = p->attribute(s, "type");
        if (type == nullptr || std::strcmp(type, "paragraph") != 0) continue;
        const char* id = p->attribute(s, "styleId");
        if (id == nullptr) continue;
        style_info info;
        if (const char* base = p->value_of(s, "basedOn")) info.based_on = base;
        if (const pugi::xml_node num_pr = p->child(p->child(s, "pPr"), "numPr")) {
            info.num_id = to_int(p->value_of(num_pr, "numId"));
            info.level = to_int(p->value_of(num_pr, "ilvl"));
        }
        if (const char* d = p->attribute(s, "default"); d && (std::strcmp(d, "1") == 0 || std::strcmp(d, "true") == 0))
            out.default_paragraph = id;
        out.by_id.emplace(id, std::move(info));
    }
    return out;
}

detail::list_level read_level(const part& p, pugi::xml_node lvl) {
    detail::list_level l;
    l.start = to_int(p.value_of(lvl, "start")).value_or(0);
    if (const char* f = p.value_of(lvl, "numFmt")) l.format = f;
    if (const char* t = p.value_of(lvl, "lvlText")) l.text = t;
    l.restart = to_int(p.value_of(lvl, "lvlRestart"));
    if (const char* s = p.value_of(lvl, "suff")) l.suffix = s;
    l.legal = is_on(p, p.child(lvl, "isLgl"));
    return l;
}

// numbering.xml as lists; `style_levels` gets the level each w:lvl/w:pStyle links a paragraph style to.
detail::list_numbering read_numbering(const std::optional<part>& p, std::map<std::string, int>& style_levels) {
    detail::list_numbering out;
    if (!p) return out;
    for (pugi::xml_node n : p->xml->document_element().children()) {
        if (p->local(n) == "abstractNum") {
            const auto id = to_int(p->attribute(n, "abstractNumId"));
            if (!id) continue;
            detail::abstract_list list;
            for (pugi::xml_node lvl : n.children()) {
                if (p->local(lvl) != "lvl") continue;
                const auto level = to_int(p->attribute(lvl, "ilvl"));
                if (!level || *level < 0 || *level >= detail::list_levels) continue;
                list.levels[static_cast<std::size_t>(*level)] = read_level(*p, lvl);
                if (const char* style = p->value_of(lvl, "pStyle")) style_levels.emplace(style, *level);
            }
            out.abstracts.emplace(*id, std::move(list));
        } else if (p->local(n) == "num") {
            const auto id = to_int(p->attribute(n, "numId"));
            const auto abstract = to_int(p->value_of(n, "abstractNumId"));
            if (!id || !abstract) continue;
            detail::list_instance instance;
            instance.abstract_id = *abstract;
            for (pugi::xml_node o : n.children()) {
                if (p->local(o) != "lvlOverride") continue;
                const auto level = to_int(p->attribute(o, "ilvl"));
                if (!level || *level < 0 || *level >= detail::list_levels) continue;
                const auto at = static_cast<std::size_t>(*level);
                instance.start_override[at] = to_int(p->value_of(o, "startOverride"));
                if (const pugi::xml_node lvl = p->child(o, "lvl")) instance.level_override[at] = read_level(*p, lvl);
            }
            out.instances.emplace(*id, std::move(instance));
        }
    }
    return out;
}

// Where a footnote or endnote reference stood while the body was read.
struct note_reference {
    std::string kind, id;
    std::size_t offset = 0, paragraph = 0;
};

// Walks the body and writes its paragraphs as text.
class body_reader {
public:
    body_reader(const part& document, const styles& st, detail::list_numbering& numbering,
                const std::map<std::string, int>& style_levels, tracked_changes tracked)
        : p_(document), styles_(st), numbering_(numbering), style_levels_(style_levels), accepted_(tracked == tracked_changes::accepted) {}

    void read_blocks(pugi::xml_node container) {
        const nesting guard(*this);
        if (too_deep) return;
        for (pugi::xml_node n : container.children()) {
            const std::string_view name = p_.local(n);
            if (name == "p") paragraph(n);
            else if (name == "tbl" || name == "tc" || name == "sdt" || name == "sdtContent" || name == "customXml") read_blocks(n);
            else if (name == "tr" && !row_removed(n)) read_blocks(n);
        }
    }

    // The paragraph still open when the body ends (its mark deleted, nothing after it to join).
    void finish() {
        if (!pending_.empty() || pending_started_) emit(pugi::xml_node());
    }

    std::string text;                         // the paragraphs written so far
    std::vector<grammar::origin_anchor> anchors;
    std::vector<note_reference> references;   // in text order
    bool too_deep = false;                    // containers nested past max_depth: the reading stopped there

    static constexpr int max_depth = 256;     // tables in tables, links in content controls ...: the walk recurses

    // The text of a note's paragraphs (footnotes.xml, endnotes.xml), read as the body is; joined by a space.
    std::string note_text(pugi::xml_node note) {
        std::string out;
        for (pugi::xml_node n : note.children()) {
            if (p_.local(n) != "p") continue;
            pending_.clear();
            std::vector<grammar::origin_anchor> unused;
            std::swap(anchors, unused);
            inline_content(n);
            std::swap(anchors, unused);
            std::replace(pending_.begin(), pending_.end(), '\n', ' ');
            const auto first = pending_.find_first_not_of(' ');
            if (first == std::string::npos) continue;
            const auto last = pending_.find_last_not_of(' ');
            if (!out.empty()) out += ' ';
            out += pending_.substr(first, last - first + 1);
        }
        pending_.clear();
        return out;
    }

private:
    // One level deeper for as long as it lives; past max_depth, too_deep is set.
    struct nesting {
        body_reader& r;
        explicit nesting(body_reader& reader) : r(reader) {
            if (++r.depth_ > max_depth) r.too_deep = true;
        }
        ~nesting() { --r.depth_; }
        nesting(const nesting&) = delete;
        nesting& operator=(const nesting&) = delete;
    };

    const part& p_;
    int depth_ = 0;                  // containers being walked
    const styles& styles_;
    detail::list_numbering& numbering_;
    const std::map<std::string, int>& style_levels_;
    bool accepted_;
    std::size_t index_ = 0;          // w:p elements met so far: the 1-based index of the current one
    std::string pending_;            // text of the paragraph being read, and of those whose marks joined it to this one
    bool pending_started_ = false;   // a paragraph has been joined into pending_ (whose text may be empty)
    std::size_t pending_first_ = 0;  // index of the first w:p in pending_
    std::size_t pending_anchor_ = 0; // anchors from here on are relative to pending_ (to be moved when it is written)
    std::size_t pending_reference_ = 0;  // the same for note references

    // Whether a table row is gone in the version read (w:trPr/w:del when accepted, w:trPr/w:ins when rejected).
    bool row_removed(pugi::xml_node tr) const {
        const pugi::xml_node pr = p_.child(tr, "trPr");
        return pr && p_.child(pr, accepted_ ? "del" : "ins");
    }

    // Whether the paragraph mark is gone in the version read, joining this paragraph to the next, as Word does.
    bool mark_removed(pugi::xml_node para) const {
        const pugi::xml_node rpr = p_.child(p_.child(para, "pPr"), "rPr");
        if (!rpr) return false;
        return accepted_ ? p_.child(rpr, "del") || p_.child(rpr, "moveFrom") : p_.child(rpr, "ins") || p_.child(rpr, "moveTo");
    }

    void paragraph(pugi::xml_node para) {
        ++index_;
        if (!pending_started_) {
            pending_started_ = true;
            pending_first_ = index_;
            pending_anchor_ = anchors.size();
            pending_reference_ = references.size();
        }
        inline_content(para);
        if (!mark_removed(para)) emit(para);
    }

    // Writes the pending text as one paragraph, with the label of `para`'s numbering (the paragraph whose mark
    // survives: its properties are the joined paragraph's).
    void emit(pugi::xml_node para) {
        const std::string label = para ? numbering_label(para) : "";
        const bool has_text = pending_.find_first_not_of(" \n") != std::string::npos;
        if (has_text) {
            if (!text.empty()) text += '\n';
            const std::size_t start = text.size() + label.size();
            anchors.insert(anchors.begin() + static_cast<std::ptrdiff_t>(pending_anchor_),
                           {text.size(), static_cast<std::size_t>(std::max<std::ptrdiff_t>(para ? para.offset_debug() : 0, 0)),
                            pending_first_});
            for (std::size_t i = pending_anchor_ + 1; i < anchors.size(); ++i) anchors[i].text += start;
            for (std::size_t i = pending_reference_; i < references.size(); ++i) references[i].offset += start;
            text += label;
            text += pending_;
            text += '\n';
        } else {
            anchors.resize(pending_anchor_);
            // a reference in a paragraph without text still points at where the paragraph would be
            for (std::size_t i = pending_reference_; i < references.size(); ++i) references[i].offset = text.size();
        }
        pending_.clear();
        pending_started_ = false;
    }

    // The numbering of a paragraph: its own w:numPr, else its style's (following w:basedOn); in the
    // original version, the properties a tracked change replaced (w:pPrChange) when there are some.
    std::string numbering_label(pugi::xml_node para) {
        pugi::xml_node ppr = p_.child(para, "pPr");
        if (!accepted_)
            if (const pugi::xml_node old = p_.child(p_.child(ppr, "pPrChange"), "pPr")) ppr = old;
        std::optional<int> num_id, level;
        if (const pugi::xml_node num_pr = p_.child(ppr, "numPr")) {
            num_id = to_int(p_.value_of(num_pr, "numId"));
            level = to_int(p_.value_of(num_pr, "ilvl"));
        }
        const char* own_style = p_.value_of(ppr, "pStyle");
        std::string style = own_style ? own_style : styles_.default_paragraph;
        const std::string linked = style;
        for (int depth = 0; depth < 32 && !style.empty() && (!num_id || !level); ++depth) {
            const auto s = styles_.by_id.find(style);
            if (s == styles_.by_id.end()) break;
            if (!num_id) num_id = s->second.num_id;
            if (!level) level = s->second.level;
            style = s->second.based_on;
        }
        if (!num_id || *num_id == 0) return "";
        if (!level) {
            const auto linked_level = style_levels_.find(linked);
            level = linked_level != style_levels_.end() ? linked_level->second : 0;
        }
        return numbering_.next_label(*num_id, *level);
    }

    // Text of a w:t: line breaks and tabs written in it are blanks to Word.
    void append_text(pugi::xml_node t) {
        const pugi::xml_node value = t.first_child();
        if (!value) return;
        const std::string_view s = value.value();
        if (s.empty()) return;
        anchors.push_back({pending_.size(), static_cast<std::size_t>(std::max<std::ptrdiff_t>(value.offset_debug(), 0)), index_});
        for (char c : s) pending_ += (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f') ? ' ' : c;
    }

    void run(pugi::xml_node r) {
        if (is_on(p_, p_.child(p_.child(r, "rPr"), "vanish"))) return;  // hidden text
        for (pugi::xml_node n : r.children()) {
            const std::string_view name = p_.local(n);
            if (name == "t") append_text(n);
            else if (name == "delText") {
                if (!accepted_) append_text(n);
            } else if (name == "tab" || name == "ptab") pending_ += ' ';
            else if (name == "br" || name == "cr") pending_ += '\n';
            else if (name == "noBreakHyphen") pending_ += "\u2011";
            else if (name == "footnoteReference" || name == "endnoteReference") {
                if (const char* id = p_.attribute(n, "id"))
                    references.push_back({name == "footnoteReference" ? "footnote" : "endnote", id, pending_.size(), index_});
            }
            // w:instrText (field codes), w:softHyphen, w:sym, drawings and text boxes: not text of the paragraph
        }
    }

    void inline_content(pugi::xml_node container) {
        const nesting guard(*this);
        if (too_deep) return;
        for (pugi::xml_node n : container.children()) {
            const std::string_view name = p_.local(n);
            if (name == "r") run(n);
            else if (name == "ins" || name == "moveTo") {
                if (accepted_) inline_content(n);
            } else if (name == "del" || name == "moveFrom") {
                if (!accepted_) inline_content(n);
            } else if (name == "hyperlink" || name == "smartTag" || name == "sdt" || name == "sdtContent" || name == "customXml" ||
                       name == "fldSimple" || name == "bdo" || name == "dir") {
                inline_content(n);
            }
        }
    }
};

// The notes referenced from the body, numbered by their first reference, with their text (read from `notes`,
// a reader of footnotes.xml and endnotes.xml).
std::vector<note> collect_notes(const std::vector<note_reference>& references, const std::optional<part>& footnotes,
                                const std::optional<part>& endnotes, body_reader& foot_reader, body_reader& end_reader) {
    const auto by_id = [](const std::optional<part>& p) {
        std::map<std::string, pugi::xml_node> nodes;
        if (p)
            for (pugi::xml_node x : p->xml->document_element().children())
                if (const char* id = p->attribute(x, "id")) nodes.emplace(id, x);
        return nodes;
    };
    const auto foot_nodes = by_id(footnotes), end_nodes = by_id(endnotes);
    std::vector<note> out;
    std::map<std::string, bool> seen;  // "footnote 3"
    std::size_t counts[2] = {0, 0};
    for (const note_reference& r : references) {
        const bool foot = r.kind == "footnote";
        if (!seen.emplace(r.kind + " " + r.id, true).second) continue;
        note n{r.kind, ++counts[foot ? 0 : 1], r.offset, r.paragraph, {}};
        const auto& nodes = foot ? foot_nodes : end_nodes;
        if (const auto x = nodes.find(r.id); x != nodes.end()) n.text = (foot ? foot_reader : end_reader).note_text(x->second);
        out.push_back(std::move(n));
    }
    return out;
}

}  // namespace

std::variant<read_document, read_error> read_docx(std::string_view bytes, std::string name, const read_options& options) {
    auto opened = zip_archive::open(bytes, options.limits);
    if (auto* e = std::get_if<read_error>(&opened)) return std::move(*e);
    auto& zip = std::get<zip_archive>(opened);
    const std::string main = "word/document.xml";
    if (!zip.has(main)) return read_error{"not a Word document: no " + main, std::nullopt};

    const auto load = [&](const std::string& part_name, std::optional<part>& into) -> std::optional<read_error> {
        auto loaded = load_part(zip, part_name);
        if (auto* e = std::get_if<read_error>(&loaded)) return std::move(*e);
        into = std::move(std::get<std::optional<part>>(loaded));
        return std::nullopt;
    };
    std::optional<part> document, rels, styles_part, numbering_part, footnotes, endnotes;
    if (auto e = load(main, document)) return *e;
    if (!document) return read_error{"not a Word document: no " + main, std::nullopt};
    if (auto e = load("word/_rels/document.xml.rels", rels)) return *e;
    auto targets = relationship_targets(rels);
    const auto target = [&](const char* type, const char* fallback) {
        const auto t = targets.find(type);
        return t != targets.end() ? t->second : std::string(fallback);
    };
    if (auto e = load(target("styles", "word/styles.xml"), styles_part)) return *e;
    if (auto e = load(target("numbering", "word/numbering.xml"), numbering_part)) return *e;

    const styles st = read_styles(styles_part);
    std::map<std::string, int> style_levels;
    detail::list_numbering numbering = read_numbering(numbering_part, style_levels);
    const pugi::xml_node body = document->child(document->xml->document_element(), "body");
    body_reader reader(*document, st, numbering, style_levels, options.tracked);
    reader.read_blocks(body);
    reader.finish();
    if (reader.too_deep)
        return read_error{main + ": elements nested more than " + std::to_string(body_reader::max_depth) + " deep", std::nullopt};

    std::vector<note> notes;
    if (!reader.references.empty()) {
        const bool any_foot = std::any_of(reader.references.begin(), reader.references.end(), [](const auto& r) { return r.kind == "footnote"; });
        const bool any_end = std::any_of(reader.references.begin(), reader.references.end(), [](const auto& r) { return r.kind == "endnote"; });
        if (any_foot)
            if (auto e = load(target("footnotes", "word/footnotes.xml"), footnotes)) return *e;
        if (any_end)
            if (auto e = load(target("endnotes", "word/endnotes.xml"), endnotes)) return *e;
        detail::list_numbering note_numbering = numbering;  // notes do not advance the body's list counters
        const part none;
        body_reader foot_reader(footnotes ? *footnotes : none, st, note_numbering, style_levels, options.tracked);
        body_reader end_reader(endnotes ? *endnotes : none, st, note_numbering, style_levels, options.tracked);
        notes = collect_notes(reader.references, footnotes, endnotes, foot_reader, end_reader);
    }
    if (reader.text.empty()) return read_error{"no text: the document's paragraphs are empty", std::nullopt};
    detail::repair_text(reader.text);
    for (note& n : notes) detail::repair_text(n.text);
    read_document out;
    out.source = grammar::source::owning(std::move(reader.text), std::move(name), std::move(reader.anchors), grammar::origin_kind::docx);
    out.format = file_format::docx;
    out.notes = std::move(notes);
    return out;
}

}  // namespace resdraft::readers
