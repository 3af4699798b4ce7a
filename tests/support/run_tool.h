// E2E test support: run a built tool with posix_spawn (no shell) and collect its exit
// status, stdout and stderr. Include after <boost/test/unit_test.hpp>.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace samltest {

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A temporary file that is removed when the object goes away.
class TempFile {
 public:
  // `suffix` ends the name (".json" for tools that look at the extension).
  explicit TempFile(const std::string& content = {}, const std::string& suffix = {}) {
    const char* dir = std::getenv("TMPDIR");
    std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/samlkit-e2e-XXXXXX" + suffix;
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = mkstemps(name.data(), static_cast<int>(suffix.size()));
    BOOST_REQUIRE_MESSAGE(fd >= 0, "mkstemp failed");
    close(fd);
    path_ = name.data();
    if (!content.empty()) std::ofstream(path_, std::ios::binary) << content;
  }
  ~TempFile() { unlink(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// How a tool is started; the defaults are what most tests want.
struct Setup {
  std::string stdin_path = "/dev/null";
  std::string cwd;                       // empty: this process's
  std::string stdout_path;               // empty: collected into Run::out
  std::vector<std::string> environment;  // "NAME=value", replacing NAME's value if set
};

// The environment of this process with `changes` applied.
inline std::vector<std::string> environment_with(const std::vector<std::string>& changes) {
  std::vector<std::string> entries;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    const std::string name = entry.substr(0, entry.find('=') + 1);
    bool replaced = false;
    for (const std::string& change : changes) replaced |= change.rfind(name, 0) == 0;
    if (!replaced) entries.push_back(entry);
  }
  entries.insert(entries.end(), changes.begin(), changes.end());
  return entries;
}

// Runs `program` with `args` as `setup` says, and collects its output.
inline Run run_tool(const std::string& program, const std::vector<std::string>& args, const Setup& setup) {
  TempFile out;
  TempFile err;
  const std::string& out_path = setup.stdout_path.empty() ? out.path() : setup.stdout_path;
  std::vector<std::string> argv_strings{program};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings = environment_with(setup.environment);
  std::vector<char*> envp;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, setup.stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_TRUNC, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err.path().c_str(), O_WRONLY | O_TRUNC, 0);
  const std::string cwd = setup.cwd.empty() ? std::string() : std::filesystem::absolute(setup.cwd).string();
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  BOOST_REQUIRE_MESSAGE(spawned == 0, "posix_spawn " << argv[0] << " failed: " << spawned);

  int status = 0;
  BOOST_REQUIRE(waitpid(pid, &status, 0) == pid);
  Run run;
  BOOST_REQUIRE_MESSAGE(WIFEXITED(status), program << " did not exit normally (status " << status << ")");
  run.exit_code = WEXITSTATUS(status);
  run.out = setup.stdout_path.empty() ? slurp(out.path()) : std::string();
  run.err = slurp(err.path());
  return run;
}

// Runs `program` with `args`, stdin from `stdin_path`, in the working directory `cwd`
// (empty: this process's), and collects its output.
inline Run run_tool(const std::string& program, const std::vector<std::string>& args,
                    const std::string& stdin_path = "/dev/null", const std::string& cwd = {}) {
  Setup setup;
  setup.stdin_path = stdin_path;
  setup.cwd = cwd;
  return run_tool(program, args, setup);
}

}  // namespace samltest
