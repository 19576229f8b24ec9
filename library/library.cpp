#include "library/library.hpp"

#include "grammar/parser.hpp"
#include "library/database.hpp"
#include "library/dates.hpp"
#include "library/shingles.hpp"
#include "models/text_model.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <deque>
#include <future>
#include <condition_variable>
#include <mutex>
#include <unistd.h>

namespace resdraft::library {
namespace {

constexpr std::int64_t application_id = 0x52444C42;  // "RDLB": a resdraft library, for `file` and for open()

constexpr std::string_view schema = R"sql(
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  symbol TEXT NOT NULL UNIQUE,   -- "A/RES/80/19", or the file name when the text names none
  title TEXT NOT NULL,
  date TEXT NOT NULL,            -- as written in the header, or ''
  sort_date TEXT NOT NULL,       -- '2025-12-03', '2025' (from the session of an A/ symbol) or ''
  source TEXT NOT NULL,          -- the file added
  content TEXT NOT NULL);        -- its text as read: `check --library L --reference SYMBOL` parses it again
CREATE TABLE texts(              -- distinct paragraph texts (normalized): agreed language repeats verbatim
  id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: the shingle postings of a removed text stay harmless
  hash INTEGER NOT NULL,         -- FNV-1a 64 of the text
  text TEXT NOT NULL);
CREATE INDEX texts_hash ON texts(hash);
CREATE TABLE paragraphs(
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,     -- order in the document
  part TEXT NOT NULL,            -- 'body', 'annex', 'annex I' ...
  paragraph TEXT NOT NULL,       -- '4', '5 bis', 'pp3'
  kind TEXT NOT NULL,            -- 'operative' or 'preambular'
  text INTEGER NOT NULL REFERENCES texts(id));
CREATE INDEX paragraphs_document ON paragraphs(document, position);
CREATE INDEX paragraphs_text ON paragraphs(text);
CREATE TABLE clauses(
  paragraph INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  verb TEXT NOT NULL,            -- lemma ('call upon')
  strength INTEGER,              -- 0 (weakest) .. 6, NULL for a verb outside the lexicon
  addressee TEXT,
  PRIMARY KEY(paragraph, position)) WITHOUT ROWID;
CREATE TABLE shingles(           -- 4-word shingles of stemmed words (FNV-1a 64) -> texts
  bucket INTEGER NOT NULL,       -- the shingles' top 14 bits
  segment INTEGER NOT NULL,      -- the add (or the 50,000 new texts of an add) that wrote the row
  entries BLOB NOT NULL,         -- per shingle, increasing: varints of the shingle's delta, its text count, the
                                 -- byte length of its postings, then the text ids (increasing) as varint deltas
  PRIMARY KEY(bucket, segment)) WITHOUT ROWID;
CREATE TABLE terms(              -- content-word stems -> distinct texts holding them (TF-IDF weights)
  term TEXT PRIMARY KEY,
  df INTEGER NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE text_search USING fts5(text, content='texts', content_rowid='id', tokenize='porter unicode61');
)sql";

std::string file_stem(const std::string& name) {
    return std::filesystem::path(name).stem().string();
}

std::string kind_name(grammar::paragraph_kind k) {
    return k == grammar::paragraph_kind::operative ? "operative" : "preambular";
}


struct prepared_clause {
    std::string verb;
    std::optional<std::int64_t> strength;
    std::optional<std::string> addressee;
};

struct prepared_paragraph {
    std::string part, id, kind, text;  // text normalized
    text_keys keys;
    std::vector<prepared_clause> clauses;
};

// A document as the library stores it: all that is computed from its parse, nothing read from the
// database; made on a second thread while the one before it is written.
struct prepared_document {
    std::string symbol, title, date, sort_date, source, content;
    std::vector<prepared_paragraph> paragraphs;
};

prepared_document prepare(const grammar::document& doc, word_stems& stems) {
    prepared_document out;
    out.symbol = doc.symbol.value_or(file_stem(doc.name()));
    out.date = doc.date ? grammar::normalized_text(doc, *doc.date) : "";
    // the front matter's title is whole where the header's may be its first line only
    out.title = doc.title_text ? *doc.title_text : doc.title ? grammar::normalized_text(doc, *doc.title) : "";
    out.sort_date = sort_date(out.date, out.symbol);
    out.source = doc.name();
    out.content = doc.text();
    for (const grammar::paragraph& p : doc.paragraphs) {
        prepared_paragraph& pp = out.paragraphs.emplace_back();
        pp.part = doc.parts[p.part].name;
        pp.id = p.id;
        pp.kind = kind_name(p.kind);
        pp.text = grammar::normalized_text(doc, p.text);
        pp.keys = keys_of(pp.text, stems);
        for (const grammar::clause& c : p.clauses)
            pp.clauses.push_back({std::string(c.verb), c.strength >= 0 ? std::optional<std::int64_t>(c.strength) : std::nullopt,
                                  c.addressee ? std::optional(grammar::normalized_text(doc, *c.addressee)) : std::nullopt});
    }
    return out;
}

// What one add (or remove) changes besides rows: the new texts' shingles and the terms' frequencies.
struct pending_index {
    std::vector<std::pair<std::uint64_t, std::int64_t>> postings;  // (shingle, new text id), text ids increasing
    std::unordered_map<std::string, int> df_change;
};

// Writes documents inside the caller's transaction; statements prepared once per add.
class writer {
public:
    explicit writer(database& db)
        : db_(db),
          insert_paragraph_(db.prepare(
              "INSERT INTO paragraphs(document, position, part, paragraph, kind, text) VALUES (?, ?, ?, ?, ?, ?)")),
          insert_clause_(db.prepare("INSERT INTO clauses(paragraph, position, verb, strength, addressee) VALUES (?, ?, ?, ?, ?)")),
          find_text_(db.prepare("SELECT id FROM texts WHERE hash = ? AND text = ?")),
          insert_text_(db.prepare("INSERT INTO texts(hash, text) VALUES (?, ?)")),
          insert_search_(db.prepare("INSERT INTO text_search(rowid, text) VALUES (?, ?)")),
          find_document_(db.prepare("SELECT id FROM documents WHERE symbol = ?")),
          list_texts_(db.prepare("SELECT DISTINCT text FROM paragraphs WHERE document = ?")),
          delete_document_(db.prepare("DELETE FROM documents WHERE id = ?")),
          insert_document_(db.prepare("INSERT INTO documents(symbol, title, date, sort_date, source, content) VALUES (?, ?, ?, ?, ?, ?)")),
          text_used_(db.prepare("SELECT 1 FROM paragraphs WHERE text = ? LIMIT 1")),
          get_text_(db.prepare("SELECT text FROM texts WHERE id = ?")),
          unsearch_(db.prepare("INSERT INTO text_search(text_search, rowid, text) VALUES ('delete', ?, ?)")),
          delete_text_(db.prepare("DELETE FROM texts WHERE id = ?")) {}

    // Deletes the document with `symbol` (its paragraphs and clauses go with it); returns the texts it
    // held, which may now be orphans (see drop_orphans).
    std::vector<std::int64_t> delete_document(const std::string& symbol) {
        std::vector<std::int64_t> texts;
        find_document_.bind(1, symbol);
        const bool found = find_document_.step();
        const std::int64_t doc = found ? find_document_.integer(0) : 0;
        find_document_.reset();
        if (!found) return texts;
        list_texts_.bind(1, doc);
        while (list_texts_.step()) texts.push_back(list_texts_.integer(0));
        list_texts_.reset();
        delete_document_.bind(1, doc).run();
        return texts;
    }

    // Deletes the texts of `ids` that no paragraph has any more.
    void drop_orphans(const std::vector<std::int64_t>& ids) {
        for (std::int64_t t : ids) drop_if_orphan(t);
    }

    // Stores `doc`, replacing a document of the same symbol; returns the symbol.
    // The old document's texts are dropped only after the new paragraphs are in, so that the texts both
    // hold keep their ids and postings: adding a document again changes nothing.
    std::string store(const prepared_document& doc) {
        const std::vector<std::int64_t> old_texts = delete_document(doc.symbol);
        insert_document_.bind(1, doc.symbol).bind(2, doc.title).bind(3, doc.date).bind(4, doc.sort_date).bind(5, doc.source);
        insert_document_.bind(6, doc.content).run();
        const std::int64_t id = db_.last_insert_id();
        for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) store_paragraph(doc.paragraphs[i], id, i);
        drop_orphans(old_texts);
        return doc.symbol;
    }

    // Writes what is pending: the shingle postings and the term counts.
    void finish() {
        write_postings();
        auto count = db_.prepare("INSERT INTO terms(term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df");
        for (const auto& [term, change] : pending_.df_change)
            if (change != 0) count.bind(1, term).bind(2, static_cast<std::int64_t>(change)).run();
        db_.execute("DELETE FROM terms WHERE df <= 0");
    }

private:
    // New texts whose postings are held in memory before they are written as a segment of their own:
    // an add of any size holds at most this many texts' shingles.
    static constexpr std::size_t texts_per_segment = 50'000;

    database& db_;
    statement insert_paragraph_, insert_clause_, find_text_, insert_text_, insert_search_;
    statement find_document_, list_texts_, delete_document_, insert_document_, text_used_, get_text_, unsearch_, delete_text_;
    word_stems stems_;
    pending_index pending_;
    std::size_t pending_texts_ = 0;
    std::int64_t segment_ = 0;  // of the rows written last; 0 before the first

    // One row per shingle of the pending texts, as a new segment.
    void write_postings() {
        if (pending_.postings.empty()) return;
        if (segment_ == 0) {
            auto last = db_.prepare("SELECT coalesce(max(segment), 0) FROM shingles");  // a scan: once per add
            segment_ = last.step() ? last.integer(0) : 0;
        }
        ++segment_;
        auto put = db_.prepare("INSERT INTO shingles(bucket, segment, entries) VALUES (?, ?, ?)");
        auto& pairs = pending_.postings;
        std::sort(pairs.begin(), pairs.end());  // by shingle, then text id
        for (std::size_t begin = 0, end = 0; begin < pairs.size(); begin = end) {
            const std::int64_t bucket = bucket_of(pairs[begin].first);
            while (end < pairs.size() && bucket_of(pairs[end].first) == bucket) ++end;
            put.bind(1, bucket).bind(2, segment_).bind_blob(3, encode_bucket({pairs.data() + begin, end - begin}));
            put.run();
        }
        pending_.postings.clear();
        pending_texts_ = 0;
    }

    void store_paragraph(const prepared_paragraph& p, std::int64_t document, std::size_t position) {
        insert_paragraph_.bind(1, document).bind(2, static_cast<std::int64_t>(position)).bind(3, p.part).bind(4, p.id);
        insert_paragraph_.bind(5, p.kind).bind(6, text_id(p.text, p.keys));
        insert_paragraph_.run();
        const std::int64_t paragraph = db_.last_insert_id();
        for (std::size_t c = 0; c < p.clauses.size(); ++c) {
            const prepared_clause& k = p.clauses[c];
            insert_clause_.bind(1, paragraph).bind(2, static_cast<std::int64_t>(c)).bind(3, k.verb);
            if (k.strength) insert_clause_.bind(4, *k.strength);
            if (k.addressee) insert_clause_.bind(5, *k.addressee);
            insert_clause_.run();
        }
    }

    // The id of `text` in texts, stored (with its search entries) when new.
    std::int64_t text_id(const std::string& text, const text_keys& keys) {
        const auto hash = static_cast<std::int64_t>(fnv1a(text));
        find_text_.bind(1, hash).bind(2, text);
        const bool found = find_text_.step();
        const std::int64_t known = found ? find_text_.integer(0) : 0;
        find_text_.reset();
        if (found) return known;
        insert_text_.bind(1, hash).bind(2, text).run();
        const std::int64_t id = db_.last_insert_id();
        insert_search_.bind(1, id).bind(2, text).run();
        for (std::uint64_t s : keys.shingles) pending_.postings.emplace_back(s, id);
        for (const std::string& t : keys.content_stems) ++pending_.df_change[t];
        if (++pending_texts_ == texts_per_segment) write_postings();
        return id;
    }

    // Deletes text `id` when no paragraph has it any more; its postings stay and are skipped when read.
    void drop_if_orphan(std::int64_t id) {
        text_used_.bind(1, id);
        const bool used = text_used_.step();
        text_used_.reset();
        if (used) return;
        get_text_.bind(1, id);
        const bool found = get_text_.step();
        const std::string text = found ? get_text_.text(0) : "";
        get_text_.reset();
        if (!found) return;
        unsearch_.bind(1, id).bind(2, text).run();
        delete_text_.bind(1, id).run();
        for (const std::string& t : keys_of(text, stems_).content_stems) --pending_.df_change[t];
    }
};

// Refuses a database that is not a resdraft library of this schema version.
void check_schema(database& db, const std::string& path) {
    auto pragma = [&](std::string_view sql) {
        auto s = db.prepare(sql);
        return s.step() ? s.integer(0) : 0;
    };
    const std::int64_t app = pragma("PRAGMA application_id"), version = pragma("PRAGMA user_version");
    if (app != application_id) throw library_error{path + ": not a resdraft library (a SQLite database of another kind)"};
    if (version != schema_version)
        throw library_error{path + ": library schema version " + std::to_string(version) + "; this resdraft reads version " +
                            std::to_string(schema_version)};
}

bool is_empty_database(database& db) {
    auto s = db.prepare("SELECT count(*) FROM sqlite_schema");
    return s.step() && s.integer(0) == 0;
}

std::unique_ptr<database> open_database(const std::string& path, library::access a) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (a != library::access::create && !exists) throw library_error{path + ": no such library"};
    if (exists && std::filesystem::is_directory(path, ec)) throw library_error{path + ": a directory, not a library file"};
    if (a != library::access::read && exists && ::access(path.c_str(), W_OK) != 0)
        throw library_error{path + ": read-only file: cannot add to or remove from it"};
    auto db = std::make_unique<database>(path, a == library::access::read ? database::mode::read_only : database::mode::create);
    db->execute("PRAGMA foreign_keys = ON");
    if (a == library::access::create && is_empty_database(*db)) {
        transaction t(*db);
        db->execute(schema);
        db->execute("PRAGMA application_id = " + std::to_string(application_id));
        db->execute("PRAGMA user_version = " + std::to_string(schema_version));
        t.commit();
    }
    check_schema(*db, path);
    return db;
}

}  // namespace

std::variant<library, library_error> library::open(const std::string& path, access a) {
    try {
        return library(open_database(path, a));
    } catch (const library_error& e) {
        return e;
    } catch (const database_error& e) {
        const std::string why = e.what();
        if (why.find("file is not a database") != std::string::npos) return library_error{path + ": not a SQLite database"};
        return library_error{path + ": " + why};
    }
}

library::library(std::unique_ptr<database> db) : db_(std::move(db)) {}
library::library(library&&) noexcept = default;
library::~library() = default;

std::vector<std::string> library::add(const std::vector<const grammar::document*>& documents, const add_progress& progress) {
    return add(documents.size(), [&](std::size_t i) { return std::optional(*documents[i]); }, progress);
}

std::vector<std::string> library::add(std::size_t count, const std::function<std::optional<grammar::document>(std::size_t)>& document,
                                      const add_progress& progress) {
    // a large add touches many pages: keep them in memory (64 MB) rather than spill them mid-transaction
    db_->execute("PRAGMA cache_size = -65536");
    transaction t(*db_);
    writer w(*db_);
    std::vector<std::string> symbols;
    // Documents are prepared `ahead` at a time, each on a thread of its own, while this one writes: the
    // preparing (ICU words, stems) is most of an add's work. Document i uses stems[i % ahead], never
    // two threads at once. `document(i)` is called in order, one at a time, as a caller expects (what it
    // says on standard error comes in file order).
    constexpr std::size_t ahead = 2;
    std::array<word_stems, ahead> stems;
    std::mutex reading;
    std::condition_variable turn_changed;
    std::size_t turn = 0;  // the document whose reading is next
    const auto make = [&](std::size_t i) -> std::optional<prepared_document> {
        std::unique_lock lock(reading);
        turn_changed.wait(lock, [&] { return turn == i; });
        const auto pass_turn = [&] {  // also when document(i) throws: i + 1 must not wait for ever
            ++turn;
            turn_changed.notify_all();
        };
        std::optional<grammar::document> doc;
        try {
            doc = document(i);
        } catch (...) {
            pass_turn();
            throw;
        }
        pass_turn();
        lock.unlock();
        return doc ? std::optional(prepare(*doc, stems[i % ahead])) : std::nullopt;
    };
    std::deque<std::future<std::optional<prepared_document>>> next;
    for (std::size_t i = 0; i < count && i < ahead; ++i) next.push_back(std::async(std::launch::async, make, i));
    for (std::size_t i = 0; i < count; ++i) {
        const std::optional<prepared_document> doc = next.front().get();  // rethrows what reading or parsing it threw
        next.pop_front();
        if (i + ahead < count) next.push_back(std::async(std::launch::async, make, i + ahead));
        if (doc) symbols.push_back(w.store(*doc));
        if (progress) progress(i + 1, count);
    }
    w.finish();
    t.commit();
    return symbols;
}

std::optional<std::string> library::remove(const std::vector<std::string>& symbols) {
    transaction t(*db_);
    auto find = db_->prepare("SELECT 1 FROM documents WHERE symbol = ?");
    for (const std::string& symbol : symbols) {
        find.bind(1, symbol);
        const bool exists = find.step();
        find.reset();
        if (!exists) return symbol;  // the transaction rolls back: nothing removed
    }
    writer w(*db_);
    for (const std::string& symbol : symbols) w.drop_orphans(w.delete_document(symbol));
    w.finish();
    t.commit();
    return std::nullopt;
}

std::vector<document_entry> library::documents() {
    auto s = db_->prepare(
        "SELECT symbol, title, date, sort_date, source, (SELECT count(*) FROM paragraphs WHERE document = d.id) "
        "FROM documents d ORDER BY sort_date = '', sort_date, symbol");  // undated last
    std::vector<document_entry> out;
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), static_cast<std::size_t>(s.integer(5))});
    return out;
}

library_stats library::stats() {
    auto count = [&](std::string_view sql) {
        auto s = db_->prepare(sql);
        return s.step() ? static_cast<std::size_t>(s.integer(0)) : 0;
    };
    library_stats out;
    out.documents = count("SELECT count(*) FROM documents");
    out.paragraphs = count("SELECT count(*) FROM paragraphs");
    out.texts = count("SELECT count(*) FROM texts");
    out.clauses = count("SELECT count(*) FROM clauses");
    out.shingle_rows = count("SELECT count(*) FROM shingles");
    out.posting_bytes = count("SELECT coalesce(sum(length(entries)), 0) FROM shingles");
    out.terms = count("SELECT count(*) FROM terms");
    out.schema_version = static_cast<int>(count("PRAGMA user_version"));
    return out;
}

std::vector<std::pair<std::int64_t, std::size_t>> library::candidates(const std::vector<std::uint64_t>& shingles,
                                                                      std::size_t limit, std::size_t frequent) {
    auto s = db_->prepare("SELECT entries FROM shingles WHERE bucket = ?");
    std::unordered_map<std::int64_t, std::size_t> shared;
    std::vector<std::vector<unsigned char>> rows;
    std::vector<std::int64_t> ids;
    auto find = [&](const std::vector<unsigned char>& row, std::uint64_t h, bool with_ids) {
        const auto n = find_in_bucket(row, h, with_ids, ids);
        if (!n) throw database_error("damaged shingle index (bucket " + std::to_string(bucket_of(h)) + ")");
        return *n;
    };
    for (std::size_t k = 0; k < shingles.size(); ++k) {
        if (k == 0 || bucket_of(shingles[k]) != bucket_of(shingles[k - 1])) {  // shingles come sorted: each bucket read once
            rows.clear();
            s.bind(1, bucket_of(shingles[k]));
            while (s.step()) rows.push_back(s.blob(0));
            s.reset();
        }
        std::size_t total = 0;
        for (const auto& row : rows) total += find(row, shingles[k], false);
        if (total == 0 || total > frequent) continue;  // "the Secretary-General to submit": says nothing of where a text comes from
        ids.clear();
        for (const auto& row : rows) find(row, shingles[k], true);
        for (std::int64_t id : ids) ++shared[id];
    }
    std::vector<std::pair<std::int64_t, std::size_t>> ranked(shared.begin(), shared.end());
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    // postings of removed texts stay in the index: they must not take a live text's place
    auto live = db_->prepare("SELECT 1 FROM texts WHERE id = ?");
    std::vector<std::pair<std::int64_t, std::size_t>> out;
    for (std::size_t k = 0; k < ranked.size() && out.size() < limit; ++k) {
        live.bind(1, ranked[k].first);
        if (live.step()) out.push_back(ranked[k]);
        live.reset();
    }
    return out;
}

std::vector<stored_text> library::texts(const std::vector<std::int64_t>& ids) {
    auto text = db_->prepare("SELECT text FROM texts WHERE id = ?");
    auto where = db_->prepare(
        "SELECT d.symbol, d.date, d.sort_date, p.part, p.paragraph, p.kind FROM paragraphs p JOIN documents d ON d.id = p.document "
        "WHERE p.text = ? ORDER BY d.sort_date = '', d.sort_date, d.symbol, p.position");  // undated last
    std::vector<stored_text> out;
    for (std::int64_t id : ids) {
        text.bind(1, id);
        if (text.step()) {
            stored_text t{id, text.text(0), {}};
            where.bind(1, id);
            while (where.step())
                t.occurrences.push_back({where.text(0), where.text(1), where.text(2), where.text(3), where.text(4), where.text(5)});
            where.reset();
            if (!t.occurrences.empty()) out.push_back(std::move(t));
        }
        text.reset();
    }
    return out;
}

std::vector<std::int64_t> library::all_text_ids() {
    auto s = db_->prepare("SELECT id FROM texts ORDER BY id");
    std::vector<std::int64_t> out;
    while (s.step()) out.push_back(s.integer(0));
    return out;
}

namespace {

// `text` as one FTS5 string (its quotes doubled): matched as a phrase, whatever operators it holds.
std::string fts_quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

}  // namespace

phrase_matches library::phrase_occurrences(const std::string& phrase, std::size_t limit) {
    phrase_matches out;
    auto count = db_->prepare("SELECT count(*) FROM text_search s JOIN paragraphs p ON p.text = s.rowid WHERE text_search MATCH ?");
    count.bind(1, fts_quoted(phrase));
    if (count.step()) out.total = static_cast<std::size_t>(count.integer(0));
    auto s = db_->prepare(
        "SELECT d.symbol, d.date, d.sort_date, p.part, p.paragraph, p.kind, t.text FROM text_search s JOIN texts t ON t.id = s.rowid "
        "JOIN paragraphs p ON p.text = t.id JOIN documents d ON d.id = p.document WHERE text_search MATCH ? "
        "ORDER BY d.sort_date = '', d.sort_date, d.symbol, p.position LIMIT ?");  // oldest first, undated last
    s.bind(1, fts_quoted(phrase)).bind(2, static_cast<std::int64_t>(limit));
    while (s.step()) out.shown.push_back({{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)}, s.text(6)});
    return out;
}

std::vector<std::int64_t> library::topic_texts(const std::vector<std::string>& words, std::size_t limit) {
    std::string query;  // "w1" OR "w2" ...: any of them, best first by BM25
    for (const std::string& w : words) query += (query.empty() ? "" : " OR ") + fts_quoted(w);
    std::vector<std::int64_t> out;
    if (query.empty()) return out;
    auto s = db_->prepare("SELECT rowid FROM text_search WHERE text_search MATCH ? ORDER BY rank, rowid LIMIT ?");
    s.bind(1, query).bind(2, static_cast<std::int64_t>(limit));
    while (s.step()) out.push_back(s.integer(0));
    return out;
}

std::optional<std::pair<std::string, std::string>> library::document_content(const std::string& symbol) {
    auto s = db_->prepare("SELECT source, content FROM documents WHERE symbol = ?");
    s.bind(1, symbol);
    if (!s.step()) return std::nullopt;
    return std::pair(s.text(0), s.text(1));
}

std::unordered_map<std::string, int> library::term_frequencies(const std::vector<std::string>& terms) {
    auto s = db_->prepare("SELECT df FROM terms WHERE term = ?");
    std::unordered_map<std::string, int> out;
    for (const std::string& t : terms) {
        s.bind(1, t);
        if (s.step()) out[t] = static_cast<int>(s.integer(0));
        s.reset();
    }
    return out;
}

std::size_t library::text_count() {
    auto s = db_->prepare("SELECT count(*) FROM texts");
    return s.step() ? static_cast<std::size_t>(s.integer(0)) : 0;
}

}  // namespace resdraft::library
