// PostGIS through GDAL's PostgreSQL driver: a real PostgreSQL with PostGIS started for each test in
// a folder of its own (tests/support/postgis.sh, as an unprivileged user), tables drawn by `render`
// and the window as the view asks, and what a refused connection says.
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>

#include "cli_run.hpp"
#include "raster.hpp"

using namespace storyplot::test_support;

namespace {

const std::string script = std::string(STORYPLOT_TEST_DIR) + "/support/postgis.sh";

std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// What a shell command prints on its standard output; its exit status in `code`.
std::string output_of(const std::string& command, int& code) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    code = pclose(pipe);
    return out;
}

class PostGis : public ::testing::Test {
protected:
    void SetUp() override {
        if (std::system("ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1") != 0) GTEST_FAIL() << "PostgreSQL is missing: run ./setup.sh";
        int code = -1;
        connection = output_of(shell_quote(script) + " start " + shell_quote(dir.file("pg")), code);
        while (!connection.empty() && connection.back() == '\n') connection.pop_back();
        ASSERT_EQ(code, 0) << "the test server did not start";
        ASSERT_EQ(connection.rfind("PG:", 0), 0u) << connection;
        started = true;
    }
    void TearDown() override {
        if (started) std::system((shell_quote(script) + " stop " + shell_quote(dir.file("pg"))).c_str());
    }
    std::string sql(const std::string& statements) {
        write_text(dir.file("statements.sql"), statements);
        int code = -1;
        const std::string out = output_of(shell_quote(script) + " sql " + shell_quote(dir.file("pg")) + " < " + shell_quote(dir.file("statements.sql")), code);
        EXPECT_EQ(code, 0) << statements;
        return out;
    }
    // Every statement the server was asked that reads `table`.
    std::vector<std::string> reads_of(const std::string& table) {
        std::vector<std::string> reads;
        std::istringstream log(slurp(dir.file("pg/data/server.log")));
        for (std::string line; std::getline(log, line);)
            if (line.find("FROM \"" + table + "\"") != std::string::npos) reads.push_back(line);
        return reads;
    }
    std::string render(const std::string& args) { return "render --basemap " + shell_quote(connection) + " " + args; }

    TempDir dir;
    std::string connection;
    bool started = false;
};

// A million points on a 0.02° x 0.015° grid over 120–140°E, 35–50°N, with an index and a key.
const char* million_points =
    "CREATE TABLE grid (id integer PRIMARY KEY, name text, geom geometry(Point, 4326));"
    "INSERT INTO grid SELECT i, 'p' || i, ST_SetSRID(ST_MakePoint(120 + (i % 1000) * 0.02, 35 + (i / 1000) * 0.015), 4326)"
    "  FROM generate_series(0, 999999) AS i;"
    "CREATE INDEX ON grid USING gist (geom); ANALYZE grid;";

std::array<int, 3> pixel(const Raster& r, int x, int y) {
    const std::size_t at = (static_cast<std::size_t>(y) * r.width + x) * 4;
    return {r.rgba[at], r.rgba[at + 1], r.rgba[at + 2]};
}

}  // namespace

TEST_F(PostGis, DrawsWhatTheViewHoldsOfAMillionFeaturesAndNeverTheWholeTable) {
    sql(million_points);
    EXPECT_EQ(sql("SELECT count(*) FROM grid"), "1000000\n");

    // Close in: the 10,000 or so points of the view, all of them, and nothing said.
    Outcome run = run_storyplot(dir, render("--layer grid --bbox 130,42,131,42.75 --size 400x300 -o near.png --no-decorations"));
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    run = run_storyplot(dir, "render --bbox 130,42,131,42.75 --size 400x300 -o bare.png --no-decorations");
    ASSERT_EQ(run.code, 0) << run.err;
    const Raster near = read_raster(dir.file("near.png"), true), bare = read_raster(dir.file("bare.png"), true);
    ASSERT_EQ(near.width, 400);
    int changed = 0;
    for (int y = 0; y < near.height; y += 5)
        for (int x = 0; x < near.width; x += 5) changed += pixel(near, x, y) != pixel(bare, x, y);
    EXPECT_GT(changed, 80 * 60 / 4) << "the points cover the view";

    // The whole grid in view: an even sample of 100,000, said in one line, sampled by the database.
    run = run_storyplot(dir, render("--layer grid --bbox 110,30,150,55 --size 400x300 -o far.png"));
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.err.find("1000000 features in this view: every 10th is drawn (100000); zoom in to see them all"), std::string::npos) << run.err;
    EXPECT_EQ(lines(run.err), 1) << run.err;
    EXPECT_EQ(run.err.find("password=storyplot-test"), std::string::npos) << "the password is never shown";

    // Every read the server was asked for went through the index with the view's box.
    const auto reads = reads_of("grid");
    ASSERT_FALSE(reads.empty());
    bool sampled = false;
    for (const auto& read : reads) {
        EXPECT_NE(read.find("\"geom\" &&"), std::string::npos) << read;
        sampled = sampled || read.find("\"id\" % 10 = 0") != std::string::npos;
    }
    EXPECT_TRUE(sampled) << "the database sends only the sample";
}

TEST_F(PostGis, TablesInAnotherCrsAreDrawnInPlace) {
    // Two round lakes of 3 km in Web Mercator (EPSG:3857), one west and one east of 131°E.
    sql("CREATE TABLE lakes (id serial PRIMARY KEY, name text, geom geometry(Polygon, 3857));"
        "INSERT INTO lakes (name, geom) VALUES"
        " ('west', ST_Transform(ST_Buffer(ST_SetSRID(ST_MakePoint(130.5, 42.5), 4326)::geography, 3000)::geometry, 3857)),"
        " ('east', ST_Transform(ST_Buffer(ST_SetSRID(ST_MakePoint(131.5, 42.5), 4326)::geography, 3000)::geometry, 3857));"
        "CREATE INDEX ON lakes USING gist (geom);");
    // A view of the west lake alone: the east one is never sent.
    const Outcome run = run_storyplot(dir, render("--layer lakes --bbox 130.4,42.43,130.6,42.57 --size 200x200 -o lake.png --no-decorations"));
    ASSERT_EQ(run.code, 0) << run.err;
    ASSERT_EQ(run_storyplot(dir, "render --bbox 130.4,42.43,130.6,42.57 --size 200x200 -o bare.png --no-decorations").code, 0);
    const Raster lake = read_raster(dir.file("lake.png"), true), bare = read_raster(dir.file("bare.png"), true);
    ASSERT_EQ(lake.width, 200);
    EXPECT_NE(pixel(lake, 100, 100), pixel(bare, 100, 100)) << "the lake is at 130.5°E 42.5°N";
    EXPECT_EQ(pixel(lake, 5, 5), pixel(bare, 5, 5)) << "and only there";
    EXPECT_EQ(pixel(lake, 195, 195), pixel(bare, 195, 195));
    ASSERT_FALSE(reads_of("lakes").empty());
    // --layer takes one value: a story after it is still the story.
    const std::string seed = std::string(STORYPLOT_TEST_DIR) + "/../assets/stories/vladivostok-2019.story.json";
    const Outcome with_story = run_storyplot(dir, render("--layer lakes " + shell_quote(seed) + " --size 200x200 -o story.png"));
    EXPECT_EQ(with_story.code, 0) << with_story.err;
}

TEST_F(PostGis, RefusedConnectionsAndMissingTablesSayWhyInOneLine) {
    sql("CREATE TABLE roads (id serial PRIMARY KEY, geom geometry(LineString, 4326));");
    std::string wrong = connection;
    wrong.replace(wrong.find("password=storyplot-test"), 23, "password=not-the-secret");
    Outcome run = run_storyplot(dir, "render --basemap " + shell_quote(wrong) + " -o x.png");
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(lines(run.err), 1) << run.err;
    EXPECT_NE(run.err.find("password=***: cannot connect:"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("password authentication failed"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("not-the-secret"), std::string::npos) << run.err;

    run = run_storyplot(dir, render("--layer nowhere -o x.png"));
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(lines(run.err), 1) << run.err;
    EXPECT_NE(run.err.find("no layer \"nowhere\" (it has roads)"), std::string::npos) << run.err;

    // The server gone: the same connection refused, and no image written.
    ASSERT_EQ(std::system((shell_quote(script) + " stop " + shell_quote(dir.file("pg"))).c_str()), 0);
    started = false;
    run = run_storyplot(dir, render("-o gone.png"));
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(lines(run.err), 1) << run.err;
    EXPECT_NE(run.err.find("cannot connect: "), std::string::npos) << run.err;
    EXPECT_EQ(files(dir), (std::vector<std::string>{"pg", "statements.sql"}));
}

TEST_F(PostGis, TheWindowReadsTheTableAsTheViewMovesAndKeepsGoingWhenItCannot) {
    sql(million_points);
    // Close in, then out over the whole grid; beside it a connection refused: the window says so and goes on.
    write_text(dir.file("view.txt"), "view 130 42 131 42.75\nview 110 30 150 55\nquit\n");
    std::string wrong = connection;
    wrong.replace(wrong.find("password=storyplot-test"), 23, "password=not-the-secret");
    const Outcome run = run_storyplot(dir,
                                      "--basemap " + shell_quote(wrong) + " --basemap " + shell_quote(connection) +
                                          " --layer grid --script view.txt --window-size 640x400",
                                      "SDL_VIDEODRIVER=offscreen");
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.err.find("password authentication failed"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("not-the-secret"), std::string::npos) << run.err;
    const std::string shown = connection.substr(0, connection.find("password=")) + "password=***";
    const std::size_t near = run.err.find("script: view 130 42 131 42.75");
    const std::size_t far = run.err.find("script: view 110 30 150 55");
    ASSERT_NE(near, std::string::npos) << run.err;
    ASSERT_NE(far, std::string::npos) << run.err;
    // The last read before the view moved out drew every point it asked for; the last after it, a sample.
    const std::size_t last_near = run.err.rfind("read by view: " + shown, far);
    const std::size_t last_far = run.err.rfind("read by view: " + shown);
    ASSERT_GT(last_near, near) << run.err;
    ASSERT_GT(last_far, far) << run.err;
    EXPECT_EQ(run.err.substr(last_near, run.err.find('\n', last_near) - last_near).find("(a sample)"), std::string::npos) << run.err;
    EXPECT_NE(run.err.substr(last_far, run.err.find('\n', last_far) - last_far).find("features (a sample)"), std::string::npos) << run.err;
    for (const auto& read : reads_of("grid")) EXPECT_NE(read.find("\"geom\" &&"), std::string::npos) << read;
}
