#pragma once
// Memory figures of the running benchmark process (Linux), printed beside the timings.

#include <sys/resource.h>
#include <unistd.h>

#include <fstream>

namespace onemap::bench {

/// The process's peak resident memory so far, in MB.
inline double peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) / 1024.0;
}

/// The process's resident memory now, in MB.
inline double currentRssMb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0;
  long resident = 0;
  statm >> pages >> resident;
  return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

}  // namespace onemap::bench
