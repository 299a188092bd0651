/* Contacts the network: connects to a TCP port on 127.0.0.1 it listens on itself. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "programs.h"

int main(void) {
  int server = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(server >= 0);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0};
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  CHECK(bind(server, (struct sockaddr*)&addr, sizeof addr) == 0);
  socklen_t len = sizeof addr;
  CHECK(getsockname(server, (struct sockaddr*)&addr, &len) == 0);
  CHECK(listen(server, 1) == 0);
  int client = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(client >= 0);
  CHECK(connect(client, (struct sockaddr*)&addr, sizeof addr) == 0);
  CHECK(write(client, "ping", 4) == 4);
  close(client);
  close(server);
  return 0;
}
