// A small RAII face over SQLite: a connection, prepared statements, transactions. SQLite's own types
// stay inside library/ (database.cpp); failures are thrown as database_error, which library.cpp turns
// into values for its callers.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace resdraft::library {

// What SQLite said, with the statement or file it was about.
struct database_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class statement;

class database {
public:
    enum class mode { read_only, read_write, create };
    // Opens (or, in mode create, creates) the SQLite file at `path`. Throws database_error.
    database(const std::string& path, mode m);
    ~database();
    database(const database&) = delete;
    database& operator=(const database&) = delete;

    // Runs statements that return no rows. Throws database_error.
    void execute(std::string_view sql);
    // A prepared statement for `sql`. Throws database_error.
    statement prepare(std::string_view sql);
    [[nodiscard]] std::int64_t last_insert_id() const;
    [[nodiscard]] sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
};

class statement {
public:
    statement(database& db, std::string_view sql);
    ~statement();
    statement(statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;

    // Binders take 1-based parameter indexes, as SQLite does; text and blobs are copied by SQLite.
    statement& bind(int index, std::int64_t value);
    statement& bind(int index, double value);
    statement& bind(int index, std::string_view text);
    statement& bind(int index, std::nullopt_t);
    statement& bind_blob(int index, const std::vector<unsigned char>& bytes);
    // Steps once: true while a row is ready. Throws database_error.
    bool step();
    // Steps to the end (for statements without rows) and resets for the next bindings.
    void run();
    void reset();

    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] bool is_null(int column) const;
    [[nodiscard]] std::vector<unsigned char> blob(int column) const;

private:
    database* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolled back when destroyed before commit() (an exception on the way).
class transaction {
public:
    explicit transaction(database& db);
    ~transaction();
    transaction(const transaction&) = delete;
    transaction& operator=(const transaction&) = delete;
    void commit();

private:
    database& db_;
    bool done_ = false;
};

}  // namespace resdraft::library
