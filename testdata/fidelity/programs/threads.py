"""threads.py DIR: the Python twin of threads.c (four threads, one file each)."""
import os
import sys
import threading

d = sys.argv[1]
variant = os.environ.get("FIDELITY_VARIANT", "")


def writer(k):
    word = "LINE" if k == 2 and variant == "content" else "line"
    with open(os.path.join(d, f"thread-{k}.txt"), "w") as f:
        for i in range(50):
            f.write(f"thread {k} {word} {i}\n")


threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("4 threads done")
