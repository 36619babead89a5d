#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

char *path_normalize(const char *path)
{
	size_t len = strlen(path);
	char *out, *o;
	const char *p = path;

	if (path[0] != '/') {
		errno = EINVAL;
		return NULL;
	}
	out = malloc(len + 2);
	if (!out)
		return NULL;
	o = out;
	while (*p) {
		const char *seg;
		size_t n;

		while (*p == '/')
			p++;
		seg = p;
		while (*p && *p != '/')
			p++;
		n = (size_t)(p - seg);
		if (n == 0 || (n == 1 && seg[0] == '.'))
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			free(out);
			errno = EINVAL;
			return NULL;
		}
		*o++ = '/';
		memcpy(o, seg, n);
		o += n;
	}
	if (o == out)
		*o++ = '/';
	*o = '\0';
	return out;
}

bool path_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (strcmp(dir, "/") == 0)
		return true;
	return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}
