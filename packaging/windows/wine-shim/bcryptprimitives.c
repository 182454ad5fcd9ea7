/* Test-only stand-in for bcryptprimitives.dll under wine 8.0, which lacks ProcessPrng, the
 * random-number call Rust's standard library imports on Windows. Real Windows (10 and later)
 * has it; this DLL is never installed with Bilateral, only put in the throw-away wine prefix
 * that packaging/build.sh windows tests the installer in. */
#include <windows.h>

/* advapi32's RtlGenRandom, exported as SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
