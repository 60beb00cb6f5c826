"""Running a program in a pseudo-terminal, as a facilitator's terminal runs piptui."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import termios


def spawn_in_pty(
    argv: list[str], env: dict[str, str], *, size: tuple[int, int] = (80, 24)
) -> tuple[subprocess.Popen[bytes], int]:
    """Start ``argv`` in a new pseudo-terminal of ``size`` (columns, lines), in a session of its
    own; return the process and our side of its terminal (to read what it draws, and to type)."""
    leader, follower = pty.openpty()
    try:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        proc = subprocess.Popen(
            argv, stdin=follower, stdout=follower, stderr=follower, env=env, start_new_session=True, close_fds=True
        )
    except BaseException:
        os.close(leader)
        raise
    finally:
        os.close(follower)
    return proc, leader
