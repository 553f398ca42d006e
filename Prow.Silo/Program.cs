// Placeholder entry point; the all-in-one host is assembled in Hosting/.
return 0;
