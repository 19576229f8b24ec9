#include "library/database.hpp"

#include <sqlite3.h>

namespace resdraft::library {
namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    std::string message(db != nullptr ? sqlite3_errmsg(db) : "out of memory");
    throw database_error(message + (what.empty() ? "" : " (" + std::string(what) + ")"));
}

}  // namespace

database::database(const std::string& path, mode m) {
    const int flags = m == mode::read_only    ? SQLITE_OPEN_READONLY
                      : m == mode::read_write ? SQLITE_OPEN_READWRITE
                                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw database_error(message);
    }
    sqlite3_extended_result_codes(db_, 1);
    // a library file comes from anywhere: no schema-defined functions or triggers, no writes that corrupt
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_busy_timeout(db_, 5000);  // another resdraft adding to the same library: wait, then say so
}

database::~database() { sqlite3_close(db_); }

void database::execute(std::string_view sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error != nullptr ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        throw database_error(message);
    }
}

statement database::prepare(std::string_view sql) { return statement(*this, sql); }

std::int64_t database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

statement::statement(database& db, std::string_view sql) : db_(&db) {
    if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK)
        fail(db.handle(), sql.substr(0, 60));
}

statement::~statement() { sqlite3_finalize(stmt_); }

statement& statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_->handle(), "bind");
    return *this;
}

statement& statement::bind(int index, double value) {
    if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) fail(db_->handle(), "bind");
    return *this;
}

statement& statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
        fail(db_->handle(), "bind");
    return *this;
}

statement& statement::bind(int index, std::nullopt_t) {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_->handle(), "bind");
    return *this;
}

statement& statement::bind_blob(int index, const std::vector<unsigned char>& bytes) {
    if (sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(db_->handle(), "bind");
    return *this;
}

bool statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_->handle(), "");
}

void statement::run() {
    while (step()) {}
    reset();
}

void statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

double statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p != nullptr ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                        : std::string();
}

bool statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::vector<unsigned char> statement::blob(int column) const {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, column));
    return p != nullptr ? std::vector<unsigned char>(p, p + sqlite3_column_bytes(stmt_, column)) : std::vector<unsigned char>();
}

transaction::transaction(database& db) : db_(db) { db_.execute("BEGIN IMMEDIATE"); }

transaction::~transaction() {
    if (done_) return;
    try {
        db_.execute("ROLLBACK");
    } catch (const database_error&) {  // nothing more to do: SQLite rolls back an unfinished transaction itself
    }
}

void transaction::commit() {
    db_.execute("COMMIT");
    done_ = true;
}

}  // namespace resdraft::library
