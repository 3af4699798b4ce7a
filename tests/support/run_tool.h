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

// Runs `program` with `args`, stdin from `stdin_path`, in the working directory `cwd`
// (empty: this process's), and collects its output.
inline Run run_tool(const std::string& program, const std::vector<std::string>& args,
                    const std::string& stdin_path = "/dev/null", const std::string& cwd = {}) {
  TempFile out;
  TempFile err;
  std::vector<std::string> argv_strings{program};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.path().c_str(), O_WRONLY | O_TRUNC, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err.path().c_str(), O_WRONLY | O_TRUNC, 0);
  const std::filesystem::path previous = std::filesystem::current_path();
  if (!cwd.empty()) std::filesystem::current_path(cwd);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  std::filesystem::current_path(previous);
  posix_spawn_file_actions_destroy(&actions);
  BOOST_REQUIRE_MESSAGE(spawned == 0, "posix_spawn " << argv[0] << " failed: " << spawned);

  int status = 0;
  BOOST_REQUIRE(waitpid(pid, &status, 0) == pid);
  Run run;
  BOOST_REQUIRE_MESSAGE(WIFEXITED(status), program << " did not exit normally (status " << status << ")");
  run.exit_code = WEXITSTATUS(status);
  run.out = slurp(out.path());
  run.err = slurp(err.path());
  return run;
}

}  // namespace samltest
